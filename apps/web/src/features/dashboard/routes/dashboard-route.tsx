import { countContainers, formatBytes } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Box, Cpu, HardDrive, Layers, MemoryStick, Network, Server } from 'lucide-react';
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { EngineBadge, engineName } from '@/components/ui/engine-badge';
import { ErrorState } from '@/components/ui/error-state';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/cn';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useContainerSummaries } from '@/lib/container-summaries-query';
import type { ListSource } from '@/lib/list-source';
import { useImageList, useNetworkList, useVolumeList } from '@/lib/model-lists';
import { LiveUsage } from '../components/live-usage';
import { infoQueryOptions, versionQueryOptions } from '@/lib/queries';

export function DashboardRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Dashboard');
  return (
    <div className="h-full overflow-auto">
      <div className="mx-auto flex max-w-6xl flex-col gap-5 px-6 py-5">
        <h1 className="text-[17px] font-semibold text-fg">Dashboard</h1>
        <PanelErrorBoundary title="The engine summary failed to render">
          <EngineSummary endpointId={endpointId} />
        </PanelErrorBoundary>
        <PanelErrorBoundary title="The resource counts failed to render">
          <ResourceCards endpointId={endpointId} />
        </PanelErrorBoundary>
        <PanelErrorBoundary title="The live usage failed to render">
          <LiveUsage endpointId={endpointId} />
        </PanelErrorBoundary>
      </div>
    </div>
  );
}

function EngineSummary({ endpointId }: { endpointId: string }) {
  const info = useQuery(infoQueryOptions(endpointId));
  const version = useQuery(versionQueryOptions(endpointId));
  const { kind } = useCapabilities(endpointId);

  if (info.isError) {
    return (
      <Panel title="Engine">
        <ErrorState
          title="Could not read engine information"
          message={info.error.message}
          onRetry={() => void info.refetch()}
          retrying={info.isFetching}
        />
      </Panel>
    );
  }
  const data = info.data;
  return (
    <div className="grid gap-4 md:grid-cols-[1.3fr_1fr]">
      <Panel
        title="Engine"
        id="engine"
        actions={<EngineBadge kind={kind} version={data?.ServerVersion} />}
      >
        {data ? (
          <KeyValueList
            className="px-4"
            items={[
              { label: 'Name', value: data.Name },
              {
                label: 'Version',
                value: `${engineName(kind)} ${data.ServerVersion}${version.data ? ` · API ${version.data.ApiVersion}` : ''}`,
              },
              { label: 'Operating system', value: data.OperatingSystem },
              { label: 'Kernel', value: data.KernelVersion, mono: true },
              { label: 'Architecture', value: data.Architecture, mono: true },
              { label: 'Storage driver', value: data.Driver, mono: true },
            ]}
          />
        ) : (
          <div role="status" aria-label="Loading engine information" className="space-y-3 p-4">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-4" />
            ))}
          </div>
        )}
      </Panel>
      <div className="grid grid-cols-2 gap-4">
        <Stat icon={<Cpu className="size-4" />} label="CPUs" value={data?.NCPU} />
        <Stat
          icon={<MemoryStick className="size-4" />}
          label="Memory"
          value={data && formatBytes(data.MemTotal)}
        />
        <Stat
          icon={<Server className="size-4" />}
          label="Engine version"
          value={data?.ServerVersion}
          small
        />
        <Stat
          icon={<HardDrive className="size-4" />}
          label="Platform"
          value={data && `${data.OSType}/${data.Architecture}`}
          small
        />
      </div>
    </div>
  );
}

function Stat({
  icon,
  label,
  value,
  small = false,
}: {
  icon: ReactNode;
  label: string;
  value: ReactNode;
  /** For text values (versions) that would not fit at number size. */
  small?: boolean;
}) {
  return (
    <div className="flex flex-col justify-between gap-3 rounded-lg border border-line bg-panel p-4">
      <div className="flex items-center gap-2 text-[12.5px] text-muted">
        <span className="text-faint" aria-hidden>
          {icon}
        </span>
        {label}
      </div>
      {value === undefined ? (
        <Skeleton className="h-6 w-20" />
      ) : (
        <div
          className={cn(
            'truncate font-semibold text-fg tabular-nums',
            small ? 'font-mono text-[15px]' : 'text-[22px]',
          )}
          title={typeof value === 'string' ? value : undefined}
        >
          {value}
        </div>
      )}
    </div>
  );
}

function ContainerCounts({ info }: { info: ReturnType<typeof countContainers> }) {
  const items = [
    { label: 'running', value: info.ContainersRunning, dot: 'bg-emerald-500' },
    { label: 'paused', value: info.ContainersPaused, dot: 'bg-amber-500' },
    { label: 'stopped', value: info.ContainersStopped, dot: 'bg-zinc-400 dark:bg-zinc-500' },
  ];
  return (
    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-[12.5px] text-muted">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span aria-hidden className={`size-1.5 rounded-full ${item.dot}`} />
          <span className="font-medium text-fg tabular-nums">{item.value}</span> {item.label}
        </li>
      ))}
    </ul>
  );
}

function CountCard({
  to,
  endpointId,
  icon,
  label,
  query,
  count,
  children,
}: {
  to:
    | '/endpoints/$endpointId/containers'
    | '/endpoints/$endpointId/images'
    | '/endpoints/$endpointId/volumes'
    | '/endpoints/$endpointId/networks';
  endpointId: string;
  icon: ReactNode;
  label: string;
  query: Pick<ListSource<unknown>, 'isError' | 'error'>;
  count: number | undefined;
  children?: ReactNode;
}) {
  return (
    <Link
      to={to}
      params={{ endpointId }}
      className="group rounded-lg border border-line bg-panel p-4 transition-colors hover:border-line-strong hover:bg-subtle"
    >
      <div className="flex items-center justify-between text-[12.5px] text-muted">
        <span className="flex items-center gap-2">
          <span className="text-faint group-hover:text-accent-text" aria-hidden>
            {icon}
          </span>
          {label}
        </span>
      </div>
      <div className="mt-2 text-[26px] leading-none font-semibold text-fg tabular-nums">
        {query.isError ? (
          <span className="text-[13px] font-normal text-danger" title={query.error?.message}>
            Unavailable
          </span>
        ) : count === undefined ? (
          <Skeleton className="h-7 w-12" />
        ) : (
          count
        )}
      </div>
      {children}
    </Link>
  );
}

/**
 * The four counts, live: from the gateway's engine model (an event moves them without a list
 * call), or the engine's lists while the model cannot answer.
 */
function ResourceCards({ endpointId }: { endpointId: string }) {
  const containers = useContainerSummaries(endpointId);
  const counted = useMemo(
    () => (containers.data ? countContainers(containers.data) : undefined),
    [containers.data],
  );
  const images = useImageList(endpointId);
  const volumes = useVolumeList(endpointId);
  const networks = useNetworkList(endpointId);
  return (
    <section aria-label="Resources" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <CountCard
        to="/endpoints/$endpointId/containers"
        endpointId={endpointId}
        icon={<Box className="size-4" />}
        label="Containers"
        query={containers}
        count={counted?.Containers}
      >
        {counted && <ContainerCounts info={counted} />}
      </CountCard>
      <CountCard
        to="/endpoints/$endpointId/images"
        endpointId={endpointId}
        icon={<Layers className="size-4" />}
        label="Images"
        query={images}
        count={images.data?.length}
      />
      <CountCard
        to="/endpoints/$endpointId/volumes"
        endpointId={endpointId}
        icon={<HardDrive className="size-4" />}
        label="Volumes"
        query={volumes}
        count={volumes.data?.length}
      />
      <CountCard
        to="/endpoints/$endpointId/networks"
        endpointId={endpointId}
        icon={<Network className="size-4" />}
        label="Networks"
        query={networks}
        count={networks.data?.length}
      />
    </section>
  );
}
