import { formatBytes } from '@berth/api';
import type { SystemInfo } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Activity } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { CapabilityNote } from '@/components/ui/capability-note';
import { engineName } from '@/components/ui/engine-badge';
import { ErrorState } from '@/components/ui/error-state';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import {
  endpointsQueryOptions,
  findEndpoint,
  infoQueryOptions,
  versionQueryOptions,
} from '@/lib/queries';
import { DaemonUpdatePanel } from '../components/daemon-update-panel';
import { DiskUsagePanel } from '../components/disk-usage-panel';

/** The `/info` fields shown beyond the typed core (older engines leave some out). */
type FullInfo = SystemInfo &
  Partial<{
    CgroupDriver: string;
    CgroupVersion: string;
    LoggingDriver: string;
    DefaultRuntime: string;
    Runtimes: Record<string, unknown>;
    SecurityOptions: string[];
    Plugins: { Volume?: string[]; Network?: string[]; Log?: string[] };
    RegistryConfig: {
      IndexConfigs?: Record<string, unknown>;
      InsecureRegistryCIDRs?: string[];
      Mirrors?: string[];
    };
    HttpProxy: string;
    HttpsProxy: string;
    NoProxy: string;
    LiveRestoreEnabled: boolean;
    Debug: boolean;
    ExperimentalBuild: boolean;
    SystemTime: string;
    Labels: string[];
  }>;

export function SystemRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('System');
  const can = useEnginePermission();
  const engine = useCapabilities(endpointId);
  const canCleanUp = can('POST', '/containers/prune').allowed && engine.has('prune');
  const canUpdateDaemon = engine.has('daemonUpdate') && can('POST', '/daemon/update').allowed;
  return (
    <div className="h-full overflow-auto">
      <div className="mx-auto flex max-w-6xl flex-col gap-5 px-6 py-5">
        <div className="flex items-center justify-between">
          <h1 className="text-[17px] font-semibold text-fg">System</h1>
          <Link
            to="/endpoints/$endpointId/events"
            params={{ endpointId }}
            className={buttonClasses('secondary', 'sm')}
          >
            <Activity className="size-3.5" aria-hidden />
            Events history
          </Link>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          {engine.has('systemDf') ? (
            <PanelErrorBoundary>
              <DiskUsagePanel endpointId={endpointId} canCleanUp={canCleanUp} />
            </PanelErrorBoundary>
          ) : (
            <Panel title="Disk usage" id="system-disk" className="lg:col-span-2">
              <CapabilityNote
                className="px-4 py-3"
                detailed
                engineName={engine.engineName}
                missing={[
                  ['Disk usage', engine.reason('systemDf')],
                  ['Clean up', engine.reason('prune')],
                ]}
              />
            </Panel>
          )}
          {canUpdateDaemon && (
            <PanelErrorBoundary>
              <DaemonUpdatePanel endpointId={endpointId} />
            </PanelErrorBoundary>
          )}
          <PanelErrorBoundary>
            <EndpointPanel endpointId={endpointId} />
          </PanelErrorBoundary>
          <PanelErrorBoundary>
            <VersionPanel endpointId={endpointId} />
          </PanelErrorBoundary>
          <PanelErrorBoundary>
            <InfoPanel endpointId={endpointId} />
          </PanelErrorBoundary>
        </div>
      </div>
    </div>
  );
}

function EndpointPanel({ endpointId }: { endpointId: string }) {
  const query = useQuery(endpointsQueryOptions());
  const endpoint = findEndpoint(query.data, endpointId);
  return (
    <Panel title="Endpoint" id="system-endpoint">
      {!endpoint ? (
        query.isError ? (
          <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />
        ) : (
          <SkeletonRows rows={5} />
        )
      ) : (
        <KeyValueList
          className="px-4"
          items={[
            { label: 'ID', value: endpoint.id, mono: true },
            { label: 'Name', value: endpoint.name },
            { label: 'Address', value: endpoint.url, mono: true },
            { label: 'Engine', value: engineName(endpoint.kind) },
            { label: 'Status', value: endpoint.status },
            { label: 'API version in use', value: endpoint.apiVersion ?? '', mono: true },
            {
              label: 'Latency',
              value: endpoint.latencyMs === null ? '' : `${endpoint.latencyMs} ms`,
            },
            {
              label: 'Last checked',
              value: endpoint.checkedAt ? new Date(endpoint.checkedAt).toLocaleString() : '',
            },
            { label: 'Demo engine', value: endpoint.demo ? 'Yes' : 'No' },
          ]}
        />
      )}
    </Panel>
  );
}

function VersionPanel({ endpointId }: { endpointId: string }) {
  const query = useQuery(versionQueryOptions(endpointId));
  return (
    <Panel title="Version" id="system-version">
      {query.isPending ? (
        <SkeletonRows rows={6} label="Loading version" />
      ) : query.isError ? (
        <ErrorState
          title="Could not read the engine version"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <KeyValueList
          className="px-4"
          items={[
            { label: 'Platform', value: query.data.Platform?.Name ?? '' },
            { label: 'Version', value: query.data.Version, mono: true },
            { label: 'API version', value: query.data.ApiVersion, mono: true },
            { label: 'Minimum API version', value: query.data.MinAPIVersion ?? '', mono: true },
            { label: 'Git commit', value: query.data.GitCommit ?? '', mono: true },
            { label: 'Go version', value: query.data.GoVersion ?? '', mono: true },
            { label: 'OS / arch', value: `${query.data.Os}/${query.data.Arch}`, mono: true },
            { label: 'Built', value: query.data.BuildTime ?? '' },
            ...(query.data.Components ?? [])
              .filter((component) => component.Name !== 'Engine')
              .map((component) => ({
                label: component.Name,
                value: component.Version,
                mono: true,
              })),
          ]}
        />
      )}
    </Panel>
  );
}

function InfoPanel({ endpointId }: { endpointId: string }) {
  const query = useQuery(infoQueryOptions(endpointId));
  const info = query.data as FullInfo | undefined;
  const list = (values: string[] | undefined) => (values ?? []).join(', ');
  return (
    <Panel title="Engine information" id="system-info" className="lg:col-span-2">
      {query.isPending ? (
        <SkeletonRows rows={10} label="Loading engine information" />
      ) : query.isError ? (
        <ErrorState
          title="Could not read engine information"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          <KeyValueList
            className="px-4"
            items={[
              { label: 'Name', value: query.data.Name },
              { label: 'Engine ID', value: query.data.ID ?? '', mono: true },
              { label: 'Operating system', value: query.data.OperatingSystem },
              { label: 'Kernel', value: query.data.KernelVersion, mono: true },
              { label: 'CPUs', value: String(query.data.NCPU) },
              { label: 'Memory', value: formatBytes(query.data.MemTotal) },
              { label: 'Storage driver', value: query.data.Driver, mono: true },
              {
                label: 'Root directory',
                // pouchd reports PouchRootDir instead
                value:
                  query.data.DockerRootDir ??
                  (query.data as { PouchRootDir?: string }).PouchRootDir ??
                  '',
                mono: true,
              },
              {
                label: 'Containers',
                // pouchd leaves out the counts it has none of (and created containers).
                value: `${query.data.Containers} (${query.data.ContainersRunning ?? 0} running, ${query.data.ContainersPaused ?? 0} paused, ${query.data.ContainersStopped ?? 0} stopped)`,
              },
              { label: 'Images', value: String(query.data.Images) },
              { label: 'Swarm', value: query.data.Swarm?.LocalNodeState ?? '' },
              { label: 'Server version', value: query.data.ServerVersion, mono: true },
              { label: 'Architecture', value: query.data.Architecture, mono: true },
              {
                label: 'Cgroup',
                value: info?.CgroupDriver
                  ? `${info.CgroupDriver}${info.CgroupVersion ? ` (v${info.CgroupVersion})` : ''}`
                  : '',
                mono: true,
              },
              { label: 'Logging driver', value: info?.LoggingDriver ?? '', mono: true },
              {
                label: 'Runtimes',
                value: `${Object.keys(info?.Runtimes ?? {}).join(', ')}${info?.DefaultRuntime ? ` (default ${info.DefaultRuntime})` : ''}`,
                mono: true,
              },
              { label: 'Security options', value: list(info?.SecurityOptions), mono: true },
              { label: 'Volume plugins', value: list(info?.Plugins?.Volume), mono: true },
              { label: 'Network plugins', value: list(info?.Plugins?.Network), mono: true },
              { label: 'Log plugins', value: list(info?.Plugins?.Log), mono: true },
              { label: 'Registry mirrors', value: list(info?.RegistryConfig?.Mirrors), mono: true },
              {
                label: 'Insecure registries',
                value: list(info?.RegistryConfig?.InsecureRegistryCIDRs),
                mono: true,
              },
              {
                label: 'Proxy',
                value: [info?.HttpProxy, info?.HttpsProxy, info?.NoProxy && `no: ${info.NoProxy}`]
                  .filter(Boolean)
                  .join(' · '),
                mono: true,
              },
              { label: 'Live restore', value: info?.LiveRestoreEnabled ? 'Enabled' : 'Disabled' },
              { label: 'Debug', value: info?.Debug ? 'Yes' : 'No' },
              { label: 'Engine labels', value: list(info?.Labels), mono: true },
              {
                label: 'Engine time',
                value: info?.SystemTime ? new Date(info.SystemTime).toLocaleString() : '',
              },
            ]}
          />
          {query.data.Warnings && query.data.Warnings.length > 0 && (
            <div className="border-t border-line px-4 py-3">
              <h3 className="mb-1 text-[12.5px] font-medium text-fg">Engine warnings</h3>
              <ul className="list-disc pl-5 text-[12.5px] text-muted">
                {query.data.Warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </Panel>
  );
}
