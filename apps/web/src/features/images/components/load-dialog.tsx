import { endpointKeys, imageLoadPath, imageLoadSchema } from '@berth/api';
import type { EngineKind, ImageLoadValues } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { FileUp, X } from 'lucide-react';
import { useId, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Form, FormFileField, FormTextField, useZodForm } from '@/components/ui/form';
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
  const formId = useId();
  const pouch = kind === 'pouch';
  const schema = useMemo(() => imageLoadSchema(pouch), [pouch]);
  const form = useZodForm(schema, { defaultValues: { file: null, name: '' } });
  const file = useWatch({ control: form.control, name: 'file' });
  const name = useWatch({ control: form.control, name: 'name' });
  const queryClient = useQueryClient();
  const stream = useProgressStream();
  const running = stream.phase === 'running';
  const loaded = stream.progress.notes
    .filter((note) => /^Loaded image( ID)?:/.test(note))
    .map((note) => note.replace(/^Loaded image( ID)?:\s*/, ''))
    // pouchd answers an empty 200: the image is the name it was given.
    .concat(pouch && stream.phase === 'done' ? [name.trim()] : []);

  const load = form.handleSubmit(async (values) => {
    await stream.start(endpointId, imageLoadPath(kind, values.name), {
      body: values.file,
      headers: { 'Content-Type': 'application/x-tar' },
    });
    void queryClient.invalidateQueries({ queryKey: endpointKeys.images(endpointId) });
    void queryClient.invalidateQueries({ queryKey: endpointKeys.diskUsage(endpointId) });
  });

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
      footer={
        <>
          {running ? (
            <Button onClick={stream.cancel} icon={<X className="size-3.5" />}>
              Cancel load
            </Button>
          ) : (
            <Button onClick={onClose}>Close</Button>
          )}
          <Button
            type="submit"
            form={formId}
            variant="primary"
            loading={running}
            disabled={!file}
            icon={<FileUp className="size-3.5" />}
          >
            Load images
          </Button>
        </>
      }
    >
      <Form form={form} id={formId} onSubmit={(event) => void load(event)}>
        <FormFileField<ImageLoadValues>
          name="file"
          label="Image archive (.tar)"
          accept=".tar,application/x-tar"
          disabled={running}
        />
        {pouch && (
          <FormTextField<ImageLoadValues>
            name="name"
            label="Image name"
            placeholder="registry.example.com/team/app:1.0"
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            disabled={running}
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
      </Form>
    </Dialog>
  );
}
