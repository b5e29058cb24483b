import { fillEnginePath, imagePushSchema } from '@berth/api';
import type { ImagePushValues } from '@berth/api';
import { Upload } from 'lucide-react';
import { useWatch } from 'react-hook-form';
import { FormSelectField, useZodForm } from '@/components/ui/form';
import { FormRegistryField } from '@/components/registry-select';
import { splitReference } from '../api/images-api';
import { useProgressStream } from '../api/use-progress-stream';
import { StreamFormDialog } from './stream-form-dialog';

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
  const form = useZodForm(imagePushSchema, {
    defaultValues: { tag: tags[0] ?? '', registry: '' },
  });
  const tag = useWatch({ control: form.control, name: 'tag' });
  const stream = useProgressStream();

  const push = async (values: ImagePushValues) => {
    const { repo, tag: version } = splitReference(values.tag);
    // The engine wants an auth header even for a registry without login: `{}` in base64.
    const headers: Record<string, string> = values.registry
      ? { 'X-Berth-Registry': values.registry }
      : { 'X-Registry-Auth': 'e30=' };
    await stream.start(endpointId, fillEnginePath('/images/{name*}/push', { name: repo }), {
      query: new URLSearchParams({ tag: version || 'latest' }),
      headers,
    });
  };

  return (
    <StreamFormDialog
      title="Push image"
      description="Uploads a tag to the registry its name points at."
      what="Push"
      submitLabel="Push image"
      submitIcon={<Upload className="size-3.5" />}
      form={form}
      stream={stream}
      onSubmit={push}
      onClose={onClose}
      canSubmit={Boolean(tag)}
    >
      <FormSelectField<ImagePushValues>
        name="tag"
        label="Tag to push"
        hint="To push to another registry, tag the image with that registry's address first."
      >
        {tags.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </FormSelectField>
      <FormRegistryField image={tag} disabled={stream.phase === 'running'} />
    </StreamFormDialog>
  );
}
