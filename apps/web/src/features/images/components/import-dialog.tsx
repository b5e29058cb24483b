import {
  emptyImageImport,
  endpointKeys,
  imageImportSchema,
  toImageImportQuery,
  type ImageImportParsed,
  type ImageImportValues,
} from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { PackagePlus } from 'lucide-react';
import { useWatch } from 'react-hook-form';
import {
  FormFileField,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
  useZodForm,
} from '@/components/ui/form';
import { useProgressStream } from '../api/use-progress-stream';
import { StreamFormDialog } from './stream-form-dialog';

/**
 * Import an image from a root filesystem tarball (ImageCreate with `fromSrc`): uploaded from
 * this browser, or fetched by the engine from a URL (Berth's engine-fetch policy decides which
 * hosts it may reach). The engine's progress lines show as it goes; the last one is the new id.
 */
export function ImportDialog({ endpointId, onClose }: { endpointId: string; onClose: () => void }) {
  const form = useZodForm(imageImportSchema, { defaultValues: emptyImageImport() });
  const stream = useProgressStream();
  const queryClient = useQueryClient();
  const source = useWatch({ control: form.control, name: 'source' });
  // The engine's last status line of an import is the new image's id.
  const imported = [...stream.progress.notes].reverse().find((note) => note.startsWith('sha256:'));

  const submit = async (values: ImageImportParsed) => {
    const query = toImageImportQuery(values);
    await stream.start(
      endpointId,
      '/images/create',
      values.source === 'upload' && values.file
        ? { query, body: values.file, headers: { 'Content-Type': 'application/x-tar' } }
        : { query },
    );
    void queryClient.invalidateQueries({ queryKey: endpointKeys.images(endpointId) });
  };

  const text = { spellCheck: false, autoComplete: 'off', className: 'font-mono' } as const;
  return (
    <StreamFormDialog
      title="Import image"
      description="Makes an image from a root filesystem tarball (a tar of /, plain or gzip/xz compressed), as docker import does."
      what="Import"
      submitLabel="Import"
      submitIcon={<PackagePlus className="size-3.5" />}
      form={form}
      stream={stream}
      onSubmit={submit}
      onClose={onClose}
      result={
        stream.phase === 'done' &&
        imported && (
          <p role="status" className="text-[12.5px] text-fg">
            Imported <span className="font-mono">{imported}</span>
          </p>
        )
      }
    >
      <FormSelectField<ImageImportValues> name="source" label="Source">
        <option value="upload">Upload a tarball from this computer</option>
        <option value="url">A URL the engine downloads</option>
      </FormSelectField>
      {source === 'upload' ? (
        <FormFileField<ImageImportValues>
          name="file"
          label="Root filesystem tarball"
          accept=".tar,.tgz,.gz,.xz,application/x-tar,application/gzip"
        />
      ) : (
        <FormTextField<ImageImportValues>
          name="url"
          label="Tarball URL"
          placeholder="https://example.com/rootfs.tar.gz"
          {...text}
        />
      )}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <FormTextField<ImageImportValues>
          name="repo"
          label="Repository"
          placeholder="team/rootfs"
          hint="Optional: without one the image has only its id."
          {...text}
        />
        <FormTextField<ImageImportValues> name="tag" label="Tag" placeholder="latest" {...text} />
      </div>
      <FormTextField<ImageImportValues> name="message" label="Commit message" />
      <FormTextAreaField<ImageImportValues>
        name="changes"
        label="Dockerfile instructions"
        hint='One a line, e.g. CMD ["/bin/sh"] or ENV PATH=/bin.'
        rows={3}
        className="font-mono"
      />
    </StreamFormDialog>
  );
}
