import { registryHostOfImage } from '@berth/api';
import { Upload, X } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Select } from '@/components/ui/input';
import { splitReference } from '../api/images-api';
import { useProgressStream } from '../api/use-progress-stream';
import { ProgressView } from '@/components/ui/progress-view';
import { RegistrySelect } from '@/components/registry-select';

/** Pushes one of the image's tags; the tag names the registry (`127.0.0.1:5000/team/app:1`). */
export function PushDialog({
  endpointId,
  tags,
  onClose,
}: {
  endpointId: string;
  tags: string[];
  onClose: () => void;
}) {
  const selectId = useId();
  const [tag, setTag] = useState(tags[0] ?? '');
  const [registry, setRegistry] = useState('');
  const stream = useProgressStream();
  const running = stream.phase === 'running';

  function push() {
    const { repo, tag: version } = splitReference(tag);
    const path = `/images/${repo.split('/').map(encodeURIComponent).join('/')}/push`;
    // The engine wants an auth header even for a registry without login: `{}` in base64.
    const headers: Record<string, string> = registry
      ? { 'X-Berth-Registry': registry }
      : { 'X-Registry-Auth': 'e30=' };
    void stream.start(endpointId, path, {
      query: new URLSearchParams({ tag: version || 'latest' }),
      headers,
    });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={running}
      title="Push image"
      className="sm:max-w-2xl"
      description="Uploads a tag to the registry its name points at."
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          push();
        }}
        className="flex flex-col gap-3"
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor={selectId} className="text-[12.5px] font-medium text-fg">
            Tag to push
          </label>
          <Select
            id={selectId}
            value={tag}
            onChange={(event) => setTag(event.target.value)}
            disabled={running}
          >
            {tags.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </Select>
          <p className="text-[12px] text-muted">
            To push to another registry, tag the image with that registry&apos;s address first.
          </p>
        </div>
        <RegistrySelect
          host={tag ? registryHostOfImage(tag) : undefined}
          value={registry}
          onChange={setRegistry}
          disabled={running}
        />
        <ProgressView
          progress={stream.progress}
          phase={stream.phase}
          failure={stream.failure}
          what="Push"
        />
        <div className="flex justify-end gap-2 pt-2 pb-1">
          {running ? (
            <Button onClick={stream.cancel} icon={<X className="size-3.5" />}>
              Cancel push
            </Button>
          ) : (
            <Button onClick={onClose}>Close</Button>
          )}
          <Button
            type="submit"
            variant="primary"
            loading={running}
            disabled={!tag}
            icon={<Upload className="size-3.5" />}
          >
            Push image
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
