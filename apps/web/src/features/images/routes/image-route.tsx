import {
  encodeFilters,
  endpointKeys,
  formatAgo,
  formatBytes,
  isEngineError,
  shortId,
} from '@berth/api';
import type { ImageInspect } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { ChevronRight, Globe, HardDriveDownload, Tag, Trash2, Upload, X } from 'lucide-react';
import { useRef, useState } from 'react';
import { Button, buttonClasses, IconButton } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { JsonView } from '@/components/ui/json-view';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useEnginePermission } from '@/hooks/use-me';
import { engine } from '@/lib/api-client';
import {
  imageHistoryQueryOptions,
  inspectImageQueryOptions,
  saveImageHref,
} from '../api/images-api';
import { CheckRegistryDialog } from '../components/check-registry-dialog';
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
      <div className="border-b border-line px-6 pt-4 pb-4">
        <nav
          aria-label="Breadcrumb"
          className="mb-2 flex items-center gap-1 text-[12.5px] text-muted"
        >
          <Link
            to="/endpoints/$endpointId/images"
            params={{ endpointId }}
            className="hover:text-fg hover:underline"
          >
            Images
          </Link>
          <ChevronRight className="size-3" aria-hidden />
          <span aria-current="page" className="truncate text-fg">
            {name}
          </span>
        </nav>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex min-w-0 items-center gap-3">
            <h1 className="truncate font-mono text-[16px] font-semibold text-fg">{name}</h1>
            <span className="font-mono text-[12px] text-faint" title={imageId}>
              {shortId(imageId)}
            </span>
          </div>
          {query.data && (
            <div className="flex flex-wrap gap-2">
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
            </div>
          )}
        </div>
      </div>
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
                <Overview
                  endpointId={endpointId}
                  image={query.data}
                  tags={tags}
                  canUntag={canRemove}
                  onUntag={(tag) => setOpen({ kind: 'remove', name: tag })}
                />
              )}
              {tab === 'layers' && <History endpointId={endpointId} imageId={imageId} />}
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

function Overview({
  endpointId,
  image,
  tags,
  canUntag,
  onUntag,
}: {
  endpointId: string;
  image: ImageInspect;
  tags: string[];
  canUntag: boolean;
  onUntag: (tag: string) => void;
}) {
  const containers = useQuery({
    queryKey: [...endpointKeys.containers(endpointId), 'list', { ancestor: image.Id }],
    queryFn: ({ signal }) =>
      engine(endpointId).listContainers(
        { all: true, filters: encodeFilters({ ancestor: [image.Id] }) },
        signal,
      ),
  });
  const created = new Date(image.Created);
  const config = image.Config ?? {};
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title="Details" id="image-details">
        <KeyValueList
          className="px-4"
          items={[
            { label: 'ID', value: image.Id, mono: true },
            {
              label: 'Created',
              value: `${created.toLocaleString()} (${formatAgo(created.getTime())})`,
            },
            { label: 'Size', value: formatBytes(image.Size) },
            {
              label: 'Platform',
              value: `${image.Os}/${image.Architecture}${image.Variant ? `/${image.Variant}` : ''}`,
              mono: true,
            },
            { label: 'Author', value: image.Author ?? '' },
            { label: 'Comment', value: image.Comment ?? '' },
            { label: 'Layers', value: String(image.RootFS?.Layers?.length ?? 0) },
            { label: 'Digests', value: (image.RepoDigests ?? []).join('\n'), mono: true },
          ]}
        />
      </Panel>
      <Panel title="Tags" id="image-tags">
        {tags.length === 0 ? (
          <p className="px-4 py-3 text-[13px] text-muted">
            Untagged (dangling). Add a tag to keep it from being pruned.
          </p>
        ) : (
          <ul aria-label="Tags" className="divide-y divide-line">
            {tags.map((tag) => (
              <li key={tag} className="flex items-center justify-between px-4 py-1.5">
                <span className="font-mono text-[12.5px] text-fg">{tag}</span>
                {canUntag && (
                  <IconButton
                    size="sm"
                    aria-label={`Remove tag ${tag}`}
                    onClick={() => onUntag(tag)}
                  >
                    <X className="size-3.5" />
                  </IconButton>
                )}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel title="Configuration" id="image-config">
        <KeyValueList
          className="px-4"
          items={[
            { label: 'Command', value: (config.Cmd ?? []).join(' '), mono: true },
            { label: 'Entrypoint', value: (config.Entrypoint ?? []).join(' '), mono: true },
            { label: 'Working directory', value: config.WorkingDir ?? '', mono: true },
            { label: 'User', value: config.User ?? '', mono: true },
            {
              label: 'Exposed ports',
              value: Object.keys(config.ExposedPorts ?? {}).join(', '),
              mono: true,
            },
            { label: 'Volumes', value: Object.keys(config.Volumes ?? {}).join(', '), mono: true },
            { label: 'Environment', value: (config.Env ?? []).join('\n'), mono: true },
            {
              label: 'Labels',
              value: Object.entries(config.Labels ?? {})
                .map(([key, value]) => `${key}=${value}`)
                .join('\n'),
              mono: true,
            },
          ]}
        />
      </Panel>
      <Panel title="Containers using it" id="image-containers">
        {containers.isPending ? (
          <SkeletonRows rows={2} label="Loading containers" />
        ) : containers.isError ? (
          <ErrorState
            message={containers.error.message}
            onRetry={() => void containers.refetch()}
          />
        ) : containers.data.length === 0 ? (
          <p className="px-4 py-3 text-[13px] text-muted">No container uses this image.</p>
        ) : (
          <ul aria-label="Containers using this image" className="divide-y divide-line">
            {containers.data.map((container) => (
              <li key={container.Id} className="flex justify-between px-4 py-1.5 text-[13px]">
                <Link
                  to="/endpoints/$endpointId/containers/$containerId"
                  params={{ endpointId, containerId: container.Id }}
                  className="text-accent-text hover:underline"
                >
                  {(container.Names[0] ?? shortId(container.Id)).replace(/^\//, '')}
                </Link>
                <span className="text-muted">{container.State}</span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}

function History({ endpointId, imageId }: { endpointId: string; imageId: string }) {
  const query = useQuery(imageHistoryQueryOptions(endpointId, imageId));
  if (query.isPending) return <SkeletonRows rows={6} label="Loading layers" />;
  if (query.isError)
    return (
      <ErrorState
        title="Could not read the history"
        message={query.error.message}
        onRetry={() => void query.refetch()}
      />
    );
  return (
    <table aria-label="Layers" className="w-full text-left text-[12.5px]">
      <thead className="text-[12px] text-muted">
        <tr className="border-b border-line">
          <th scope="col" className="w-32 py-2 pr-3 font-medium">
            Created
          </th>
          <th scope="col" className="py-2 pr-3 font-medium">
            Created by
          </th>
          <th scope="col" className="w-24 py-2 text-right font-medium">
            Size
          </th>
        </tr>
      </thead>
      <tbody>
        {query.data.map((layer, index) => (
          <tr key={`${layer.Id}-${index}`} className="border-b border-line/60 align-top">
            <td className="py-1.5 pr-3 text-muted">
              {layer.Created ? formatAgo(layer.Created * 1000) : '—'}
            </td>
            <td className="py-1.5 pr-3 font-mono text-[12px] break-all whitespace-pre-wrap text-fg">
              {layer.CreatedBy.replace(/^\/bin\/sh -c #\(nop\)\s+/, '') || '—'}
              {layer.Comment && <span className="block text-muted">{layer.Comment}</span>}
            </td>
            <td className="py-1.5 text-right text-muted tabular-nums">{formatBytes(layer.Size)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
