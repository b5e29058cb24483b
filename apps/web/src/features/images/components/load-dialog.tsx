import { endpointKeys, imageLoadPath, imageLoadSchema } from '@berth/api';
import type { EngineKind, ImageLoadValues } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { FileUp } from 'lucide-react';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { FormFileField, FormTextField, useZodForm } from '@/components/ui/form';
import { useProgressStream } from '../api/use-progress-stream';
import { StreamFormDialog } from './stream-form-dialog';

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
  const pouch = kind === 'pouch';
  const schema = useMemo(() => imageLoadSchema(pouch), [pouch]);
  const form = useZodForm(schema, { defaultValues: { file: null, name: '' } });
  const file = useWatch({ control: form.control, name: 'file' });
  const name = useWatch({ control: form.control, name: 'name' });
  const queryClient = useQueryClient();
  const stream = useProgressStream();
  const loaded = stream.progress.notes
    .filter((note) => /^Loaded image( ID)?:/.test(note))
    .map((note) => note.replace(/^Loaded image( ID)?:\s*/, ''))
    // pouchd answers an empty 200: the image is the name it was given.
    .concat(pouch && stream.phase === 'done' ? [name.trim()] : []);

  const load = async (values: { file: Blob; name: string }) => {
    await stream.start(endpointId, imageLoadPath(kind, values.name), {
      body: values.file,
      headers: { 'Content-Type': 'application/x-tar' },
    });
    void queryClient.invalidateQueries({ queryKey: endpointKeys.images(endpointId) });
    void queryClient.invalidateQueries({ queryKey: endpointKeys.diskUsage(endpointId) });
  };

  return (
    <StreamFormDialog
      title="Load images"
      description={
        pouch
          ? 'Loads an image from an OCI image tar (as Save makes on PouchContainer).'
          : 'Loads images from a tar archive made by Save (docker save).'
      }
      what="Load"
      submitLabel="Load images"
      submitIcon={<FileUp className="size-3.5" />}
      form={form}
      stream={stream}
      onSubmit={load}
      onClose={onClose}
      canSubmit={Boolean(file)}
      result={
        stream.phase === 'done' &&
        loaded.length > 0 && (
          <div>
            <h3 className="text-[12.5px] font-medium text-fg">Loaded</h3>
            <ul aria-label="Loaded images" className="font-mono text-[12px] text-muted">
              {loaded.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </div>
        )
      }
    >
      <FormFileField<ImageLoadValues>
        name="file"
        label="Image archive (.tar)"
        accept=".tar,application/x-tar"
      />
      {pouch && (
        <FormTextField<ImageLoadValues>
          name="name"
          label="Image name"
          placeholder="registry.example.com/team/app:1.0"
          spellCheck={false}
          autoComplete="off"
          className="font-mono"
        />
      )}
    </StreamFormDialog>
  );
}
