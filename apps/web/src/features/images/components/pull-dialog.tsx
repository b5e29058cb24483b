import { endpointKeys, registryHostOfImage } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { Download, X } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { splitReference } from '../api/images-api';
import { useProgressStream } from '../api/use-progress-stream';
import { ProgressView } from '@/components/ui/progress-view';
import { RegistrySelect } from '@/components/registry-select';

export function PullDialog({
  endpointId,
  open,
  onClose,
  initialReference = '',
}: {
  endpointId: string;
  open: boolean;
  onClose: () => void;
  initialReference?: string;
}) {
  if (!open) return null;
  return <PullForm endpointId={endpointId} onClose={onClose} initialReference={initialReference} />;
}

function PullForm({
  endpointId,
  onClose,
  initialReference,
}: {
  endpointId: string;
  onClose: () => void;
  initialReference: string;
}) {
  const queryClient = useQueryClient();
  const [reference, setReference] = useState(initialReference);
  const [tag, setTag] = useState('');
  const [registry, setRegistry] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const stream = useProgressStream();
  const running = stream.phase === 'running';

  async function pull() {
    const text = reference.trim();
    if (!text) {
      setInvalid('Enter an image reference, e.g. alpine or registry:5000/team/app.');
      return;
    }
    setInvalid(null);
    const split = splitReference(text);
    const digest = text.includes('@');
    const query = new URLSearchParams({ fromImage: digest ? text : split.repo });
    if (!digest) query.set('tag', split.tag || tag.trim() || 'latest');
    const headers: Record<string, string> = registry ? { 'X-Berth-Registry': registry } : {};
    const result = await stream.start(endpointId, '/images/create', { query, headers });
    if (result === 'done' || result === 'failed') {
      void queryClient.invalidateQueries({ queryKey: endpointKeys.images(endpointId) });
      void queryClient.invalidateQueries({ queryKey: endpointKeys.diskUsage(endpointId) });
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={running}
      title="Pull image"
      className="sm:max-w-2xl"
      description="Downloads an image from a registry onto this engine."
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void pull();
        }}
        className="flex flex-col gap-3"
      >
        <div className="grid grid-cols-[1fr_140px] gap-3">
          <TextField
            label="Image reference"
            placeholder="alpine, ghcr.io/org/app, 127.0.0.1:5000/team/app:1.2"
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            error={invalid}
            disabled={running}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label="Tag"
            placeholder="latest"
            value={tag}
            onChange={(event) => setTag(event.target.value)}
            disabled={running}
            hint="Used when the reference has none."
          />
        </div>
        <RegistrySelect
          host={reference.trim() ? registryHostOfImage(reference.trim()) : undefined}
          value={registry}
          onChange={setRegistry}
          disabled={running}
        />
        <ProgressView
          progress={stream.progress}
          phase={stream.phase}
          failure={stream.failure}
          what="Pull"
        />
        <div className="flex justify-end gap-2 pt-2 pb-1">
          {running ? (
            <Button onClick={stream.cancel} icon={<X className="size-3.5" />}>
              Cancel pull
            </Button>
          ) : (
            <Button onClick={onClose}>Close</Button>
          )}
          <Button
            type="submit"
            variant="primary"
            loading={running}
            icon={<Download className="size-3.5" />}
          >
            Pull image
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
