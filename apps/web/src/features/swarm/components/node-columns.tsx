import { formatBytes, formatLabelLines } from '@berth/api';
import { Eye, Pencil, Trash2 } from 'lucide-react';
import type { Column } from '@/components/ui/simple-table';
import type { NodeListItem } from '../api/swarm-lists';
import { actionsColumn, RowActions } from './row-actions';
import { StateBadge } from './swarm-bits';

export type NodeDialog = { kind: 'inspect' | 'edit' | 'remove'; node: NodeListItem };

/** The nodes list's columns; edit and remove only for those who may change nodes. */
export function nodeColumns({
  canChange,
  open,
}: {
  canChange: boolean;
  open: (dialog: NodeDialog) => void;
}): Column<NodeListItem>[] {
  return [
    {
      key: 'host',
      header: 'Hostname',
      cell: (n) => <span className="font-medium text-fg">{n.Description.Hostname}</span>,
    },
    {
      key: 'role',
      header: 'Role',
      cell: (n) => (
        <span className="text-muted">
          {n.Spec.Role}
          {n.ManagerStatus?.Leader ? ' (leader)' : ''}
        </span>
      ),
    },
    {
      key: 'availability',
      header: 'Availability',
      cell: (n) => (
        <StateBadge
          state={n.Spec.Availability}
          tone={n.Spec.Availability === 'active' ? 'ok' : 'busy'}
        />
      ),
    },
    {
      key: 'state',
      header: 'State',
      cell: (n) => <NodeStateBadge node={n} />,
    },
    {
      key: 'manager',
      header: 'Manager status',
      cell: (n) => <span className="text-muted">{n.ManagerStatus?.Reachability ?? '—'}</span>,
    },
    {
      key: 'engine',
      header: 'Engine',
      cell: (n) => (
        <span className="font-mono text-[12.5px] text-muted">
          {n.Description.Engine?.EngineVersion ?? '—'}
        </span>
      ),
    },
    {
      key: 'resources',
      header: 'Resources',
      cell: (n) => (
        <span className="text-muted tabular-nums">
          {(n.Description.Resources?.NanoCPUs ?? 0) / 1e9} CPU ·{' '}
          {formatBytes(n.Description.Resources?.MemoryBytes ?? 0)}
        </span>
      ),
    },
    {
      key: 'labels',
      header: 'Labels',
      cell: (n) => (
        <span className="block max-w-[14rem] truncate font-mono text-[12px] text-muted">
          {formatLabelLines(n.Spec.Labels, ', ') || '—'}
        </span>
      ),
    },
    actionsColumn((node) => {
      const name = node.Description.Hostname;
      return (
        <RowActions
          actions={[
            { label: `Inspect ${name}`, icon: Eye, onClick: () => open({ kind: 'inspect', node }) },
            canChange && {
              label: `Edit ${name}`,
              icon: Pencil,
              onClick: () => open({ kind: 'edit', node }),
            },
            canChange && {
              label: `Remove ${name}`,
              icon: Trash2,
              onClick: () => open({ kind: 'remove', node }),
            },
          ]}
        />
      );
    }),
  ];
}

/** Ready or not: a node that is down is a problem, whatever else it says. */
export function NodeStateBadge({ node }: { node: Pick<NodeListItem, 'Status'> }) {
  return (
    <StateBadge state={node.Status.State} tone={node.Status.State === 'ready' ? 'ok' : 'bad'} />
  );
}
