import { encodeFilters, endpointKeys, formatAgo, formatBytes, shortId } from '@berth/api';
import type { ImageInspect } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { X } from 'lucide-react';
import { IconButton } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { engine } from '@/lib/api-client';

/** The image's Overview tab: details, tags, configuration and the containers that use it. */
export function ImageOverview({
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
