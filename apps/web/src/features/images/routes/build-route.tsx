import { buildFormSchema, emptyBuildForm, endpointKeys, toBuildQuery, writeTar } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { CapabilityNote } from '@/components/ui/capability-note';
import { useZodForm } from '@/components/ui/form';
import { DetailHeader, PageHeader } from '@/components/ui/page-header';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useProgressStream } from '../api/use-progress-stream';
import { BuildForm } from '../components/build-form';
import { BuildLog } from '../components/build-log';

const route = getRouteApi('/_app/endpoints/$endpointId/images/build');

const MAX_LOG = 1_000_000;

export function BuildRoute() {
  const { endpointId } = route.useParams();
  const capabilities = useCapabilities(endpointId);
  if (!capabilities.has('build')) {
    return (
      <div className="flex h-full min-h-0 flex-col">
        <PageHeader title="Build image" />
        <div className="mx-auto w-full max-w-3xl px-6 py-5">
          <CapabilityNote
            detailed
            engineName={capabilities.engineName}
            missing={[['Build', capabilities.reason('build')]]}
          />
        </div>
      </div>
    );
  }
  return <BuildPage />;
}

function BuildPage() {
  const { endpointId } = route.useParams();
  useDocumentTitle('Build image');
  const queryClient = useQueryClient();
  const form = useZodForm(buildFormSchema, { defaultValues: emptyBuildForm() });
  const [log, setLog] = useState('');
  const [imageId, setImageId] = useState<string | null>(null);
  const stream = useProgressStream((message) => {
    if (message.aux?.ID) setImageId(message.aux.ID);
    const text =
      message.stream ??
      (message.error
        ? `ERROR: ${message.error}\n`
        : message.status
          ? `${message.id ? `${message.id}: ` : ''}${message.status}${message.progress ? ` ${message.progress}` : ''}\n`
          : '');
    if (text) setLog((current) => (current + text).slice(-MAX_LOG));
  });

  const build = form.handleSubmit(async (values) => {
    // A typed Dockerfile goes as the only file of a tar context; a tar is sent as it is.
    const body =
      values.source === 'dockerfile'
        ? new Blob(
            [
              writeTar([
                { name: 'Dockerfile', data: new TextEncoder().encode(values.dockerfile) },
              ]) as BlobPart,
            ],
            { type: 'application/x-tar' },
          )
        : values.source === 'tar'
          ? (values.file ?? undefined)
          : undefined;
    setLog('');
    setImageId(null);
    await stream.start(endpointId, '/build', {
      query: toBuildQuery(values),
      headers: body ? { 'Content-Type': 'application/x-tar' } : {},
      body,
    });
    void queryClient.invalidateQueries({ queryKey: endpointKeys.images(endpointId) });
    void queryClient.invalidateQueries({ queryKey: endpointKeys.diskUsage(endpointId) });
  });

  return (
    <div className="flex h-full min-h-0 flex-col">
      <DetailHeader
        crumbs={[
          {
            label: 'Images',
            link: { to: '/endpoints/$endpointId/images', params: { endpointId } },
          },
        ]}
        title="Build image"
      />
      <div className="min-h-0 flex-1 overflow-auto">
        <div className="mx-auto grid max-w-6xl gap-5 px-6 py-5 lg:grid-cols-2">
          <BuildForm
            form={form}
            onSubmit={(event) => void build(event)}
            running={stream.phase === 'running'}
            onCancel={stream.cancel}
          />
          <BuildLog
            endpointId={endpointId}
            log={log}
            phase={stream.phase}
            failure={stream.failure}
            imageId={imageId}
          />
        </div>
      </div>
    </div>
  );
}
