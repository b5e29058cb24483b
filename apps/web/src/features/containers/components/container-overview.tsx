import { portsFromInspect } from '@berth/api';
import type { ContainerInspect, HealthState } from '@berth/api';
import type { ReactNode } from 'react';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { cn } from '@/lib/cn';
import { formatBytes } from '@berth/api';
import { PortLink } from './containers-table';
import { HealthBadge } from './state-badge';

const NEVER = '0001-01-01T00:00:00Z';

function formatTime(value: string | undefined): string {
  if (!value || value === NEVER) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

/** Shell-like rendering of an argv: quote what would be split or expanded. */
export function formatArgv(argv: readonly string[] | null | undefined): string {
  if (!argv || argv.length === 0) return '';
  return argv
    .map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

function Table({
  label,
  columns,
  rows,
  empty,
}: {
  label: string;
  columns: string[];
  rows: ReactNode[][];
  empty: string;
}) {
  if (rows.length === 0) return <p className="px-4 py-3 text-[13px] text-faint">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <SimpleTable
        label={label}
        density="compact"
        columns={columns.map((header, j): Column<ReactNode[]> => ({
          key: header,
          header,
          cellClassName: 'align-top font-mono text-[12.5px] break-all text-fg',
          cell: (cells) => {
            const cell = cells[j];
            return cell === '' || cell === null || cell === undefined ? (
              <span className="text-faint">—</span>
            ) : (
              cell
            );
          },
        }))}
        rows={rows}
        rowKey={(_, index) => String(index)}
      />
    </div>
  );
}

function HealthFacts({ health }: { health: HealthState | undefined }) {
  if (!health || health.Status === 'none')
    return <span className="text-faint">No health check</span>;
  const last = health.Log?.[health.Log.length - 1];
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center gap-2">
        <HealthBadge health={health.Status} />
        {health.FailingStreak > 0 && (
          <span className="text-[12px] text-muted">failing streak {health.FailingStreak}</span>
        )}
      </div>
      {last && (
        <pre className="max-h-32 overflow-auto rounded bg-subtle px-2 py-1.5 font-mono text-[12px] whitespace-pre-wrap text-muted">
          exit {last.ExitCode}: {last.Output.trim() || '(no output)'}
        </pre>
      )}
    </div>
  );
}

function cpuLimit(inspect: ContainerInspect): string {
  const host = inspect.HostConfig;
  const parts: string[] = [];
  if (host.NanoCpus) parts.push(`${host.NanoCpus / 1e9} CPUs`);
  else if (host.CpuQuota && host.CpuPeriod) parts.push(`${host.CpuQuota / host.CpuPeriod} CPUs`);
  if (host.CpusetCpus) parts.push(`cpuset ${host.CpusetCpus}`);
  if (host.CpuShares) parts.push(`${host.CpuShares} shares`);
  return parts.join(', ') || 'Unlimited';
}

export function ContainerOverview({
  inspect,
  hostname,
}: {
  inspect: ContainerInspect;
  hostname: string;
}) {
  const state = inspect.State;
  const config = inspect.Config;
  const host = inspect.HostConfig;
  const ports = portsFromInspect(inspect);
  const env = (config.Env ?? []).map((line) => {
    const index = line.indexOf('=');
    return index < 0 ? [line, ''] : [line.slice(0, index), line.slice(index + 1)];
  });
  const labels = Object.entries(config.Labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const networks = Object.entries(inspect.NetworkSettings.Networks ?? {});
  const restart = host.RestartPolicy?.Name || 'no';

  return (
    <div className="grid gap-4 p-6 xl:grid-cols-2">
      <Panel title="State" id="panel-state">
        <KeyValueList
          className="px-4"
          items={[
            { label: 'Status', value: state.Status },
            {
              label: 'Exit code',
              value:
                state.Running || state.Status === 'created' ? (
                  ''
                ) : (
                  <span className={cn('font-mono', state.ExitCode !== 0 && 'text-danger')}>
                    {state.ExitCode}
                  </span>
                ),
            },
            {
              label: 'Error',
              value: state.Error ? <span className="text-danger">{state.Error}</span> : '',
              mono: true,
            },
            { label: 'Started', value: formatTime(state.StartedAt) },
            { label: 'Finished', value: formatTime(state.FinishedAt) },
            // pouchd's inspect has no RestartCount: shown as unknown, not "undefined".
            {
              label: 'Restarts',
              value: (inspect.RestartCount as number | undefined)?.toString() ?? '',
            },
            { label: 'PID', value: state.Pid ? String(state.Pid) : '', mono: true },
            { label: 'OOM killed', value: state.OOMKilled ? 'Yes' : 'No' },
            { label: 'Health', value: <HealthFacts health={state.Health} /> },
          ]}
        />
      </Panel>

      <Panel title="Configuration" id="panel-config">
        <KeyValueList
          className="px-4"
          items={[
            { label: 'Image', value: config.Image ?? '', mono: true },
            {
              label: 'Image ID',
              value: inspect.Image.replace(/^sha256:/, '').slice(0, 12),
              mono: true,
            },
            { label: 'Command', value: formatArgv(config.Cmd), mono: true },
            { label: 'Entrypoint', value: formatArgv(config.Entrypoint), mono: true },
            { label: 'Working dir', value: config.WorkingDir ?? '', mono: true },
            { label: 'User', value: config.User ?? '', mono: true },
            { label: 'Hostname', value: config.Hostname ?? '', mono: true },
            { label: 'TTY', value: config.Tty ? 'Yes' : 'No' },
            { label: 'Created', value: formatTime(inspect.Created) },
          ]}
        />
      </Panel>

      <Panel title="Restart policy and resources" id="panel-resources">
        <KeyValueList
          className="px-4"
          items={[
            {
              label: 'Restart policy',
              value:
                restart === 'on-failure' && host.RestartPolicy?.MaximumRetryCount
                  ? `on-failure (max ${host.RestartPolicy.MaximumRetryCount})`
                  : restart,
              mono: true,
            },
            { label: 'Auto remove', value: host.AutoRemove ? 'Yes' : 'No' },
            {
              label: 'Memory limit',
              value: host.Memory ? formatBytes(host.Memory) : 'Unlimited',
            },
            {
              label: 'Memory reservation',
              value: host.MemoryReservation ? formatBytes(host.MemoryReservation) : 'None',
            },
            { label: 'CPU', value: cpuLimit(inspect) },
            {
              label: 'PIDs limit',
              value: host.PidsLimit && host.PidsLimit > 0 ? String(host.PidsLimit) : 'Unlimited',
            },
            { label: 'Privileged', value: host.Privileged ? 'Yes' : 'No' },
            { label: 'Network mode', value: host.NetworkMode ?? '', mono: true },
          ]}
        />
      </Panel>

      <Panel title="Ports" id="panel-ports" bodyClassName="pb-1">
        <Table
          label="Ports"
          columns={['Container port', 'Host', 'Link']}
          empty="No ports exposed."
          rows={ports.map((port) => [
            `${port.containerPort}/${port.protocol}`,
            port.hostPort ? `${port.hostIp || '0.0.0.0'}:${port.hostPort}` : 'not published',
            port.hostPort ? <PortLink port={port} hostname={hostname} /> : '',
          ])}
        />
      </Panel>

      <Panel title="Networks" id="panel-networks" className="xl:col-span-2">
        <Table
          label="Networks"
          columns={['Network', 'IP address', 'Gateway', 'MAC address', 'Aliases']}
          empty="Not attached to any network."
          rows={networks.map(([name, settings]) => [
            name,
            settings.IPAddress
              ? `${settings.IPAddress}${settings.IPPrefixLen ? `/${settings.IPPrefixLen}` : ''}`
              : '',
            settings.Gateway ?? '',
            settings.MacAddress ?? '',
            (settings.Aliases ?? []).join(', '),
          ])}
        />
      </Panel>

      <Panel title="Mounts" id="panel-mounts" className="xl:col-span-2">
        <Table
          label="Mounts"
          columns={['Type', 'Source', 'Destination', 'Mode']}
          empty="No mounts."
          rows={inspect.Mounts.map((mount) => [
            mount.Type ?? '',
            mount.Name ?? mount.Source,
            mount.Destination,
            `${mount.RW === false ? 'ro' : 'rw'}${mount.Mode ? ` (${mount.Mode})` : ''}`,
          ])}
        />
      </Panel>

      <Panel title={`Environment (${env.length})`} id="panel-env" className="xl:col-span-2">
        <Table
          label="Environment"
          columns={['Name', 'Value']}
          empty="No environment variables."
          rows={env}
        />
      </Panel>

      <Panel title={`Labels (${labels.length})`} id="panel-labels" className="xl:col-span-2">
        <Table label="Labels" columns={['Key', 'Value']} empty="No labels." rows={labels} />
      </Panel>
    </div>
  );
}
