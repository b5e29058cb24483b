import { endpointKeys, imagePullSchema } from '@berth/api';
import type { ImagePullValues } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useWatch } from 'react-hook-form';
import { FormTextField, useZodForm } from '@/components/ui/form';
import { FormRegistryField } from '@/components/registry-select';
import { splitReference } from '../api/images-api';
import { useProgressStream } from '../api/use-progress-stream';
import { StreamFormDialog } from './stream-form-dialog';

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
  const form = useZodForm(imagePullSchema, {
    defaultValues: { reference: initialReference, tag: '', registry: '' },
  });
  const reference = useWatch({ control: form.control, name: 'reference' });
  const stream = useProgressStream();

  const pull = async (values: ImagePullValues) => {
    const split = splitReference(values.reference);
    const digest = values.reference.includes('@');
    const query = new URLSearchParams({ fromImage: digest ? values.reference : split.repo });
    if (!digest) query.set('tag', split.tag || values.tag || 'latest');
    const headers: Record<string, string> = values.registry
      ? { 'X-Berth-Registry': values.registry }
      : {};
    const result = await stream.start(endpointId, '/images/create', { query, headers });
    if (result === 'done' || result === 'failed') {
      void queryClient.invalidateQueries({ queryKey: endpointKeys.images(endpointId) });
      void queryClient.invalidateQueries({ queryKey: endpointKeys.diskUsage(endpointId) });
    }
  };

  return (
    <StreamFormDialog
      title="Pull image"
      description="Downloads an image from a registry onto this engine."
      what="Pull"
      submitLabel="Pull image"
      submitIcon={<Download className="size-3.5" />}
      form={form}
      stream={stream}
      onSubmit={pull}
      onClose={onClose}
    >
      <div className="grid grid-cols-[1fr_140px] gap-3">
        <FormTextField<ImagePullValues>
          name="reference"
          label="Image reference"
          placeholder="alpine, ghcr.io/org/app, 127.0.0.1:5000/team/app:1.2"
          autoComplete="off"
          spellCheck={false}
        />
        <FormTextField<ImagePullValues>
          name="tag"
          label="Tag"
          placeholder="latest"
          hint="Used when the reference has none."
        />
      </div>
      <FormRegistryField image={reference} disabled={stream.phase === 'running'} />
    </StreamFormDialog>
  );
}
