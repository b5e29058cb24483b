import { imagePushSchema, registryHostOfImage } from '@berth/api';
import type { ImagePushValues } from '@berth/api';
import { Upload, X } from 'lucide-react';
import { useId } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Form, FormSelectField, useZodForm } from '@/components/ui/form';
import { RegistrySelect } from '@/components/registry-select';
import { splitReference } from '../api/images-api';
import { useProgressStream } from '../api/use-progress-stream';
import { ProgressView } from '@/components/ui/progress-view';

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
  const formId = useId();
  const form = useZodForm(imagePushSchema, {
    defaultValues: { tag: tags[0] ?? '', registry: '' },
  });
  const tag = useWatch({ control: form.control, name: 'tag' });
  const stream = useProgressStream();
  const running = stream.phase === 'running';

  const push = form.handleSubmit(async (values) => {
    const { repo, tag: version } = splitReference(values.tag);
    const path = `/images/${repo.split('/').map(encodeURIComponent).join('/')}/push`;
    // The engine wants an auth header even for a registry without login: `{}` in base64.
    const headers: Record<string, string> = values.registry
      ? { 'X-Berth-Registry': values.registry }
      : { 'X-Registry-Auth': 'e30=' };
    await stream.start(endpointId, path, {
      query: new URLSearchParams({ tag: version || 'latest' }),
      headers,
    });
  });

  return (
    <Dialog
      open
      onClose={onClose}
      busy={running}
      title="Push image"
      className="sm:max-w-2xl"
      description="Uploads a tag to the registry its name points at."
      footer={
        <>
          {running ? (
            <Button onClick={stream.cancel} icon={<X className="size-3.5" />}>
              Cancel push
            </Button>
          ) : (
            <Button onClick={onClose}>Close</Button>
          )}
          <Button
            type="submit"
            form={formId}
            variant="primary"
            loading={running}
            disabled={!tag}
            icon={<Upload className="size-3.5" />}
          >
            Push image
          </Button>
        </>
      }
    >
      <Form form={form} id={formId} onSubmit={(event) => void push(event)}>
        <fieldset disabled={running} className="flex min-w-0 flex-col gap-3">
          <FormSelectField<ImagePushValues>
            name="tag"
            label="Tag to push"
            hint="To push to another registry, tag the image with that registry's address first."
          >
            {tags.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </FormSelectField>
          <Controller
            control={form.control}
            name="registry"
            render={({ field }) => (
              <RegistrySelect
                host={tag ? registryHostOfImage(tag) : undefined}
                value={field.value}
                onChange={field.onChange}
                disabled={running}
              />
            )}
          />
        </fieldset>
        <ProgressView
          progress={stream.progress}
          phase={stream.phase}
          failure={stream.failure}
          what="Push"
        />
      </Form>
    </Dialog>
  );
}
