import { formatAgo, formatLabelLines } from '@berth/api';
import type { SwarmDataObject } from '@berth/api';
import { Eye, Tags, Trash2 } from 'lucide-react';
import type { Column } from '@/components/ui/simple-table';
import { actionsColumn, RowActions } from './row-actions';

export type DataDialog =
  { kind: 'create' } | { kind: 'inspect' | 'labels' | 'remove'; object: SwarmDataObject };

/** The secrets' or configs' list columns; labels and remove only for those who may change them. */
export function dataColumns({
  usage,
  canChange,
  open,
}: {
  /** Which services use each object, by its ID. */
  usage: ReadonlyMap<string, string[]>;
  canChange: boolean;
  open: (dialog: DataDialog) => void;
}): Column<SwarmDataObject>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      cell: (o) => <span className="font-mono text-[12.5px] text-fg">{o.Spec.Name}</span>,
    },
    {
      key: 'used',
      header: 'Used by',
      cell: (o) => {
        const users = usage.get(o.ID) ?? [];
        return users.length ? (
          <span className="text-fg">{users.join(', ')}</span>
        ) : (
          <span className="text-faint">unused</span>
        );
      },
    },
    {
      key: 'labels',
      header: 'Labels',
      cell: (o) => (
        <span className="font-mono text-[12px] text-muted">
          {formatLabelLines(o.Spec.Labels, ', ') || '—'}
        </span>
      ),
    },
    {
      key: 'created',
      header: 'Created',
      cell: (o) => <span className="text-muted">{formatAgo(new Date(o.CreatedAt).getTime())}</span>,
    },
    actionsColumn((object) => {
      const name = object.Spec.Name;
      return (
        <RowActions
          actions={[
            {
              label: `Inspect ${name}`,
              icon: Eye,
              onClick: () => open({ kind: 'inspect', object }),
            },
            canChange && {
              label: `Edit labels of ${name}`,
              icon: Tags,
              onClick: () => open({ kind: 'labels', object }),
            },
            canChange && {
              label: `Remove ${name}`,
              icon: Trash2,
              onClick: () => open({ kind: 'remove', object }),
            },
          ]}
        />
      );
    }),
  ];
}
