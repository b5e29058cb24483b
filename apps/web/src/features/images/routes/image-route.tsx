import { isEngineError, shortId } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Globe, HardDriveDownload, Tag, Trash2, Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { JsonView } from '@/components/ui/json-view';
import { DetailHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useEnginePermission } from '@/hooks/use-me';
import { inspectImageQueryOptions, saveImageHref } from '../api/images-api';
import { CheckRegistryDialog } from '../components/check-registry-dialog';
import { ImageLayers } from '../components/image-layers';
import { ImageOverview } from '../components/image-overview';
import { PushDialog } from '../components/push-dialog';
import { RemoveImageDialog } from '../components/remove-image-dialog';
import { TagDialog } from '../components/tag-dialog';

const route = getRouteApi('/_app/endpoints/$endpointId/images/$imageId');

type ImageTab = 'overview' | 'layers' | 'inspect';
type Open =
  null | { kind: 'tag' } | { kind: 'push' } | { kind: 'check' } | { kind: 'remove'; name: string };

export function ImageRoute() {
  const { endpointId, imageId } = route.useParams();
  const navigate = useNavigate();
  const can = useEnginePermission();
  const query = useQuery(inspectImageQueryOptions(endpointId, imageId));
  const [tab, setTab] = useState<ImageTab>('overview');
  const [open, setOpen] = useState<Open>(null);
  const gone = useRef(false);
  const tags = (query.data?.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
  const name = tags[0] ?? shortId(imageId);
  useDocumentTitle(name);
  const canTag = can('POST', '/images/x/tag').allowed;
  const canPush = can('POST', '/images/x/push').allowed;
  const canRemove = can('DELETE', '/images/x').allowed;
  const engineCaps = useCapabilities(endpointId);
  const canSave = can(
    'GET',
    engineCaps.kind === 'pouch' ? '/images/save' : '/images/x/get',
  ).allowed;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <DetailHeader
        crumbs={[
          {
            label: 'Images',
            link: { to: '/endpoints/$endpointId/images', params: { endpointId } },
          },
        ]}
        title={name}
        badges={
          <span className="font-mono text-[12px] text-faint" title={imageId}>
            {shortId(imageId)}
          </span>
        }
        actions={
          query.data && (
            <>
              {canTag && (
                <Button
                  icon={<Tag className="size-3.5" />}
                  onClick={() => setOpen({ kind: 'tag' })}
                >
                  Tag
                </Button>
              )}
              {canPush && tags.length > 0 && (
                <Button
                  icon={<Upload className="size-3.5" />}
                  onClick={() => setOpen({ kind: 'push' })}
                >
                  Push
                </Button>
              )}
              {tags.length > 0 && can('GET', '/distribution/x/json').allowed && (
                <Button
                  icon={<Globe className="size-3.5" />}
                  onClick={() => setOpen({ kind: 'check' })}
                >
                  Check registry
                </Button>
              )}
              {canSave && (
                <a
                  href={saveImageHref(endpointId, tags[0] ?? query.data.Id, engineCaps.kind)}
                  download={`${name.replace(/[/:]/g, '_')}.tar`}
                  className={buttonClasses('secondary', 'md')}
                >
                  <HardDriveDownload className="size-3.5" aria-hidden />
                  Save as tar
                </a>
              )}
              {canRemove && (
                <Button
                  variant="danger"
                  icon={<Trash2 className="size-3.5" />}
                  onClick={() => setOpen({ kind: 'remove', name: query.data.Id })}
                >
                  Remove image
                </Button>
              )}
            </>
          )
        }
      />
      {query.isPending ? (
        <SkeletonRows rows={8} label="Loading image" />
      ) : query.isError ? (
        isEngineError(query.error) && query.error.status === 404 ? (
          <EmptyState title="No such image">
            It may have been removed.{' '}
            <Link to="/endpoints/$endpointId/images" params={{ endpointId }} className="underline">
              Back to images
            </Link>
          </EmptyState>
        ) : (
          <ErrorState
            title="Could not inspect the image"
            message={query.error.message}
            onRetry={() => void query.refetch()}
          />
        )
      ) : (
        <Tabs
          label="Image sections"
          value={tab}
          onChange={setTab}
          items={[
            { value: 'overview', label: 'Overview' },
            { value: 'layers', label: 'Layers' },
            { value: 'inspect', label: 'Inspect' },
          ]}
        >
          <div className="h-full overflow-auto px-6 py-5">
            <PanelErrorBoundary>
              {tab === 'overview' && (
                <ImageOverview
                  endpointId={endpointId}
                  image={query.data}
                  tags={tags}
                  canUntag={canRemove}
                  onUntag={(tag) => setOpen({ kind: 'remove', name: tag })}
                />
              )}
              {tab === 'layers' && <ImageLayers endpointId={endpointId} imageId={imageId} />}
              {tab === 'inspect' && (
                <div className="flex flex-col gap-2">
                  <div className="flex justify-end">
                    <CopyButton text={JSON.stringify(query.data, null, 2)} label="Copy JSON" />
                  </div>
                  <JsonView text={JSON.stringify(query.data, null, 2)} label="Image inspect JSON" />
                </div>
              )}
            </PanelErrorBoundary>
          </div>
        </Tabs>
      )}
      {open?.kind === 'tag' && (
        <TagDialog
          endpointId={endpointId}
          imageId={imageId}
          imageName={name}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'check' && (
        <CheckRegistryDialog
          endpointId={endpointId}
          tags={tags}
          localDigests={query.data?.RepoDigests ?? []}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'push' && (
        <PushDialog endpointId={endpointId} tags={tags} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'remove' && (
        <RemoveImageDialog
          endpointId={endpointId}
          name={open.name}
          label={open.name.startsWith('sha256:') ? name : open.name}
          onRemoved={(items) => {
            gone.current = items.some((item) => item.Deleted === imageId);
          }}
          onClose={() => {
            setOpen(null);
            if (gone.current)
              void navigate({ to: '/endpoints/$endpointId/images', params: { endpointId } });
          }}
        />
      )}
    </div>
  );
}
