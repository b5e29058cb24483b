import { endpointKeys, imageLoadPath } from '@berth/api';
import type { EngineKind } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { FileUp, X } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { useProgressStream } from '../api/use-progress-stream';
import { ProgressView } from '@/components/ui/progress-view';

/** `POST /images/load` with a tar made by save (or `docker save`); lists what it loaded. */
export function LoadDialog({
  endpointId,
  kind = 'docker',
  onClose,
}: {
  endpointId: string;
  /** PouchContainer loads an OCI tar and names it from `?name=` (the tar carries no name). */
  kind?: EngineKind;
  onClose: () => void;
}) {
  const inputId = useId();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const pouch = kind === 'pouch';
  const nameError =
    pouch && !name.trim()
      ? 'Name the image: PouchContainer would call it unknown/unknown.'
      : pouch && /\s/.test(name)
        ? 'An image name has no spaces.'
        : null;
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const stream = useProgressStream();
  const running = stream.phase === 'running';
  const loaded = stream.progress.notes
    .filter((note) => /^Loaded image( ID)?:/.test(note))
    .map((note) => note.replace(/^Loaded image( ID)?:\s*/, ''))
    // pouchd answers an empty 200: the image is the name it was given.
    .concat(pouch && stream.phase === 'done' ? [name.trim()] : []);

  async function load() {
    setTouched(true);
    if (!file || nameError) return;
    await stream.start(endpointId, imageLoadPath(kind, name), {
      body: file,
      headers: { 'Content-Type': 'application/x-tar' },
    });
    void queryClient.invalidateQueries({ queryKey: endpointKeys.images(endpointId) });
    void queryClient.invalidateQueries({ queryKey: endpointKeys.diskUsage(endpointId) });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={running}
      title="Load images"
      className="sm:max-w-2xl"
      description={
        pouch
          ? 'Loads an image from an OCI image tar (as Save makes on PouchContainer).'
          : 'Loads images from a tar archive made by Save (docker save).'
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
        className="flex flex-col gap-3"
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor={inputId} className="text-[12.5px] font-medium text-fg">
            Image archive (.tar)
          </label>
          <input
            id={inputId}
            type="file"
            accept=".tar,application/x-tar"
            disabled={running}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            className="text-[13px] text-fg file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-panel file:px-3 file:py-1 file:text-fg"
          />
        </div>
        {pouch && (
          <TextField
            label="Image name"
            placeholder="registry.example.com/team/app:1.0"
            value={name}
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            disabled={running}
            error={touched ? nameError : null}
            onChange={(event) => setName(event.target.value)}
          />
        )}
        <ProgressView
          progress={stream.progress}
          phase={stream.phase}
          failure={stream.failure}
          what="Load"
        />
        {stream.phase === 'done' && loaded.length > 0 && (
          <div>
            <h3 className="text-[12.5px] font-medium text-fg">Loaded</h3>
            <ul aria-label="Loaded images" className="font-mono text-[12px] text-muted">
              {loaded.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex justify-end gap-2 pt-2 pb-1">
          {running ? (
            <Button onClick={stream.cancel} icon={<X className="size-3.5" />}>
              Cancel load
            </Button>
          ) : (
            <Button onClick={onClose}>Close</Button>
          )}
          <Button
            type="submit"
            variant="primary"
            loading={running}
            disabled={!file}
            icon={<FileUp className="size-3.5" />}
          >
            Load images
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
