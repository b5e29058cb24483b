import { readDistribution } from '@berth/api';
import type { DistributionInspect, ImagePushValues } from '@berth/api';
import { imagePushSchema } from '@berth/api';
import type { UseMutationOptions } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { CopyButton } from '@/components/ui/copy-button';
import { FormDialog, FormSelectField, useZodForm } from '@/components/ui/form';
import { KeyValueList } from '@/components/ui/key-value';
import { engine } from '@/lib/api-client';
import { FormRegistryField } from '@/components/registry-select';

/** `GET /distribution/{name}/json`: what the registry holds under a tag, without pulling it. */
export function checkRegistry(endpointId: string, name: string, registryId: string) {
  return engine(endpointId).json<DistributionInspect>('GET', '/distribution/{name*}/json', {
    params: { name },
    headers: registryId ? { 'X-Berth-Registry': registryId } : {},
  });
}

/** Asking changes nothing, so nothing is invalidated. */
function checkRegistryMutation(
  endpointId: string,
): UseMutationOptions<DistributionInspect, Error, { tag: string; registry: string }> {
  return { mutationFn: ({ tag, registry }) => checkRegistry(endpointId, tag, registry) };
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
  // The same two choices as a push: which tag, whose credentials.
  const form = useZodForm(imagePushSchema, { defaultValues: { tag: tags[0] ?? '', registry: '' } });
  const tag = useWatch({ control: form.control, name: 'tag' });
  const [data, setData] = useState<DistributionInspect | null>(null);
  const answer = data ? readDistribution(data) : null;
  const digest = answer?.digest;
  const same = digest ? localDigests.some((d) => d.endsWith(`@${digest}`)) : false;
  return (
    <FormDialog
      title="Check registry"
      description="Asks the registry for the tag's digest and platforms, without pulling."
      className="sm:max-w-xl"
      onClose={onClose}
      form={form}
      mutation={checkRegistryMutation(endpointId)}
      toVariables={(values) => {
        setData(null);
        return values;
      }}
      onSuccess={setData}
      keepOpen
      submitLabel="Check"
      errorTitle="The registry could not be asked"
    >
      <FormSelectField<ImagePushValues> name="tag" label="Tag">
        {tags.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </FormSelectField>
      <FormRegistryField image={tag} />
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
    </FormDialog>
  );
}
