import { readDistribution, registryHostOfImage } from '@berth/api';
import type { DistributionInspect } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Select } from '@/components/ui/input';
import { KeyValueList } from '@/components/ui/key-value';
import { http } from '@/lib/api-client';
import { RegistrySelect } from '@/components/registry-select';

/** `GET /distribution/{name}/json`: what the registry holds under a tag, without pulling it. */
export function checkRegistry(endpointId: string, name: string, registryId: string) {
  return http.json<DistributionInspect>(
    `/api/endpoints/${encodeURIComponent(endpointId)}/docker/distribution/${encodeURIComponent(name)}/json`,
    { headers: registryId ? { 'X-Berth-Registry': registryId } : {} },
  );
}

export function CheckRegistryDialog({
  endpointId,
  tags,
  localDigests,
  onClose,
}: {
  endpointId: string;
  tags: string[];
  /** The image's RepoDigests, to say whether the registry's digest is the one here. */
  localDigests: string[];
  onClose: () => void;
}) {
  const [tag, setTag] = useState(tags[0] ?? '');
  const [registryId, setRegistryId] = useState('');
  const mutation = useMutation({
    mutationFn: () => checkRegistry(endpointId, tag, registryId),
    meta: { toastOnError: false },
  });
  const answer = mutation.data ? readDistribution(mutation.data) : null;
  const digest = answer?.digest;
  const same = digest ? localDigests.some((d) => d.endsWith(`@${digest}`)) : false;
  return (
    <Dialog
      open
      onClose={onClose}
      title="Check registry"
      description="Asks the registry for the tag's digest and platforms, without pulling."
      className="sm:max-w-xl"
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button
            variant="primary"
            loading={mutation.isPending}
            disabled={!tag}
            onClick={() => mutation.mutate()}
          >
            Check
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <label className="flex flex-col gap-1.5 text-[12.5px] font-medium text-fg">
          Tag
          <Select value={tag} onChange={(e) => setTag(e.target.value)}>
            {tags.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        </label>
        <RegistrySelect
          host={tag ? registryHostOfImage(tag) : undefined}
          value={registryId}
          onChange={setRegistryId}
        />
        {mutation.isError && (
          <InlineAlert title="The registry could not be asked">
            {mutation.error.message}
          </InlineAlert>
        )}
        {answer && (
          <div role="status" aria-label="Registry answer">
            <KeyValueList
              items={[
                {
                  label: 'Digest',
                  value: digest ? (
                    <span className="inline-flex items-center gap-2">
                      <span className="break-all">{digest}</span>
                      <CopyButton text={digest} label="Copy digest" />
                    </span>
                  ) : (
                    ''
                  ),
                  mono: true,
                },
                { label: 'Media type', value: answer.mediaType, mono: true },
                { label: 'Platforms', value: answer.platforms.join(', '), mono: true },
                {
                  label: 'This image',
                  value: same
                    ? 'matches the registry'
                    : localDigests.length
                      ? 'differs from the registry (pull to update)'
                      : 'has no registry digest here (never pushed or pulled)',
                },
              ]}
            />
          </div>
        )}
      </div>
    </Dialog>
  );
}
