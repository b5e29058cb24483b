import {
  emptyImageImport,
  endpointKeys,
  imageImportSchema,
  toImageImportQuery,
  type ImageImportValues,
} from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { PackagePlus, X } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import {
  Form,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
  useZodForm,
} from '@/components/ui/form';
import { useProgressStream } from '../api/use-progress-stream';
import { ProgressView } from '@/components/ui/progress-view';

/**
 * Import an image from a root filesystem tarball (ImageCreate with `fromSrc`): uploaded from
 * this browser, or fetched by the engine from a URL (Berth's engine-fetch policy decides which
 * hosts it may reach). The engine's progress lines show as it goes; the last one is the new id.
 */
export function ImportDialog({ endpointId, onClose }: { endpointId: string; onClose: () => void }) {
  const form = useZodForm(imageImportSchema, { defaultValues: emptyImageImport() });
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const stream = useProgressStream();
  const queryClient = useQueryClient();
  const running = stream.phase === 'running';
  const source = form.watch('source');
  // The engine's last status line of an import is the new image's id.
  const imported = [...stream.progress.notes].reverse().find((note) => note.startsWith('sha256:'));

  const submit = form.handleSubmit(async (values) => {
    if (values.source === 'upload' && !file) {
      setFileError('Choose a tarball to upload.');
      return;
    }
    const query = toImageImportQuery(values);
    await stream.start(
      endpointId,
      '/images/create',
      values.source === 'upload' && file
        ? { query, body: file, headers: { 'Content-Type': 'application/x-tar' } }
        : { query },
    );
    void queryClient.invalidateQueries({ queryKey: endpointKeys.images(endpointId) });
  });

  return (
    <Dialog
      open
      onClose={onClose}
      busy={running}
      title="Import image"
      className="sm:max-w-2xl"
      description="Makes an image from a root filesystem tarball (a tar of /, plain or gzip/xz compressed), as docker import does."
    >
      <Form<ImageImportValues, unknown>
        form={form}
        onSubmit={(e) => void submit(e)}
        aria-label="Import image"
      >
        <FormSelectField<ImageImportValues> name="source" label="Source" disabled={running}>
          <option value="upload">Upload a tarball from this computer</option>
          <option value="url">A URL the engine downloads</option>
        </FormSelectField>
        {source === 'upload' ? (
          <div className="flex flex-col gap-1.5">
            <label htmlFor={fileId} className="text-[12.5px] font-medium text-fg">
              Root filesystem tarball
            </label>
            <input
              id={fileId}
              type="file"
              accept=".tar,.tgz,.gz,.xz,application/x-tar,application/gzip"
              disabled={running}
              aria-invalid={fileError ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setFileError(null);
              }}
              className="text-[13px] text-fg file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-panel file:px-3 file:py-1 file:text-fg"
            />
            {fileError && (
              <p role="alert" className="text-[12px] text-danger">
                {fileError}
              </p>
            )}
          </div>
        ) : (
          <FormTextField<ImageImportValues>
            name="url"
            label="Tarball URL"
            placeholder="https://example.com/rootfs.tar.gz"
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            disabled={running}
          />
        )}
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
          <FormTextField<ImageImportValues>
            name="repo"
            label="Repository"
            placeholder="team/rootfs"
            hint="Optional: without one the image has only its id."
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            disabled={running}
          />
          <FormTextField<ImageImportValues>
            name="tag"
            label="Tag"
            placeholder="latest"
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            disabled={running}
          />
        </div>
        <FormTextField<ImageImportValues>
          name="message"
          label="Commit message"
          disabled={running}
        />
        <FormTextAreaField<ImageImportValues>
          name="changes"
          label="Dockerfile instructions"
          hint='One a line, e.g. CMD ["/bin/sh"] or ENV PATH=/bin.'
          rows={3}
          className="font-mono"
          disabled={running}
        />
        <ProgressView
          progress={stream.progress}
          phase={stream.phase}
          failure={stream.failure}
          what="Import"
        />
        {stream.phase === 'done' && imported && (
          <p role="status" className="text-[12.5px] text-fg">
            Imported <span className="font-mono">{imported}</span>
          </p>
        )}
        <div className="flex justify-end gap-2 pt-2 pb-1">
          {running ? (
            <Button onClick={stream.cancel} icon={<X className="size-3.5" />}>
              Cancel import
            </Button>
          ) : (
            <Button onClick={onClose}>Close</Button>
          )}
          <Button
            type="submit"
            variant="primary"
            loading={running}
            icon={<PackagePlus className="size-3.5" />}
          >
            Import
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
