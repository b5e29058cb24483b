import { formatAgo } from '@berth/api';
import type { SwarmService } from '@berth/api';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { desiredReplicas } from '../api/swarm-api';

/** The service's identity and state beside what it runs with. */
export function ServiceOverview({ service: s }: { service: SwarmService }) {
  const spec = s.Spec;
  const container = spec.TaskTemplate.ContainerSpec;
  return (
    <div className="grid gap-4 overflow-auto p-6 lg:grid-cols-2">
      <Panel title="Service" bodyClassName="px-4 py-1">
        <KeyValueList
          items={[
            { label: 'ID', value: s.ID, mono: true },
            { label: 'Image', value: container?.Image, mono: true },
            {
              label: 'Mode',
              value: spec.Mode?.Global ? 'global' : `replicated (${desiredReplicas(s)})`,
            },
            { label: 'Command', value: (container?.Command ?? []).join(' '), mono: true },
            { label: 'Arguments', value: (container?.Args ?? []).join(' '), mono: true },
            { label: 'Created', value: formatAgo(new Date(s.CreatedAt).getTime()) },
            { label: 'Updated', value: formatAgo(new Date(s.UpdatedAt).getTime()) },
            {
              label: 'Update status',
              value: s.UpdateStatus
                ? `${s.UpdateStatus.State ?? ''} ${s.UpdateStatus.Message ?? ''}`
                : '',
            },
          ]}
        />
      </Panel>
      <Panel title="Configuration" bodyClassName="px-4 py-1">
        <KeyValueList
          items={[
            { label: 'Environment', value: (container?.Env ?? []).join('\n'), mono: true },
            {
              label: 'Ports',
              value: (s.Endpoint?.Ports ?? [])
                .map((p) => `${p.PublishedPort}→${p.TargetPort}/${p.Protocol} (${p.PublishMode})`)
                .join(', '),
              mono: true,
            },
            {
              label: 'Secrets',
              value: (container?.Secrets ?? [])
                .map((r) => `${r.SecretName} → ${r.File?.Name ?? ''}`)
                .join(', '),
            },
            {
              label: 'Configs',
              value: (container?.Configs ?? [])
                .map((r) => `${r.ConfigName} → ${r.File?.Name ?? ''}`)
                .join(', '),
            },
            {
              label: 'Constraints',
              value: (spec.TaskTemplate.Placement?.Constraints ?? []).join(', '),
              mono: true,
            },
          ]}
        />
      </Panel>
    </div>
  );
}
