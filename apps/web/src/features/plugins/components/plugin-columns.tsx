import type { Plugin } from '@berth/api';
import { ArrowUpCircle, Eye, Power, PowerOff, Settings2, Trash2, UploadCloud } from 'lucide-react';
import { useMemo } from 'react';
import { IconButton } from '@/components/ui/button';
import type { DataColumn } from '@/components/ui/data-table';
import { pluginTypes } from '../api/plugins-api';

/** What a row's buttons open; `disable` runs at once (it asks nothing). */
export type PluginAction =
  'inspect' | 'enable' | 'disable' | 'settings' | 'upgrade' | 'push' | 'remove';

export function usePluginColumns({
  onAction,
  disabling,
}: {
  onAction: (action: PluginAction, plugin: Plugin) => void;
  /** A disable is under way: its button waits. */
  disabling: boolean;
}): DataColumn<Plugin>[] {
  return useMemo<DataColumn<Plugin>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        accessorFn: (p) => p.Name,
        size: 300,
        meta: { searchable: true },
        cell: ({ row }) => (
          <span
            className="block truncate font-mono text-[12.5px] text-fg"
            title={row.original.Name}
          >
            {row.original.Name}
          </span>
        ),
      },
      {
        id: 'enabled',
        header: 'State',
        accessorFn: (p) => (p.Enabled ? 'enabled' : 'disabled'),
        size: 100,
        cell: ({ row }) => (
          <span
            className={
              row.original.Enabled ? 'text-emerald-700 dark:text-emerald-300' : 'text-muted'
            }
          >
            {row.original.Enabled ? 'enabled' : 'disabled'}
          </span>
        ),
      },
      {
        id: 'types',
        header: 'Provides',
        accessorFn: pluginTypes,
        size: 220,
        meta: { searchable: true },
        cell: ({ getValue }) => (
          <span className="block truncate font-mono text-[12px] text-muted">
            {String(getValue())}
          </span>
        ),
      },
      {
        id: 'description',
        header: 'Description',
        accessorFn: (p) => p.Config.Description,
        size: 260,
        meta: { searchable: true },
        cell: ({ getValue }) => (
          <span className="block truncate text-muted" title={String(getValue())}>
            {String(getValue())}
          </span>
        ),
      },
      {
        id: 'actions',
        header: '',
        size: 200,
        enableSorting: false,
        enableHiding: false,
        enableResizing: false,
        meta: { label: 'Actions', className: 'text-right' },
        cell: ({ row }) => {
          const p = row.original;
          return (
            <span className="inline-flex gap-1">
              <IconButton
                size="sm"
                aria-label={`Inspect ${p.Name}`}
                onClick={() => onAction('inspect', p)}
              >
                <Eye className="size-3.5" />
              </IconButton>
              {p.Enabled ? (
                <IconButton
                  size="sm"
                  aria-label={`Disable ${p.Name}`}
                  disabled={disabling}
                  onClick={() => onAction('disable', p)}
                >
                  <PowerOff className="size-3.5" />
                </IconButton>
              ) : (
                <IconButton
                  size="sm"
                  aria-label={`Enable ${p.Name}`}
                  onClick={() => onAction('enable', p)}
                >
                  <Power className="size-3.5" />
                </IconButton>
              )}
              <IconButton
                size="sm"
                aria-label={`Settings of ${p.Name}`}
                onClick={() => onAction('settings', p)}
              >
                <Settings2 className="size-3.5" />
              </IconButton>
              <IconButton
                size="sm"
                aria-label={`Upgrade ${p.Name}`}
                onClick={() => onAction('upgrade', p)}
              >
                <ArrowUpCircle className="size-3.5" />
              </IconButton>
              <IconButton
                size="sm"
                aria-label={`Push ${p.Name}`}
                onClick={() => onAction('push', p)}
              >
                <UploadCloud className="size-3.5" />
              </IconButton>
              <IconButton
                size="sm"
                aria-label={`Remove ${p.Name}`}
                onClick={() => onAction('remove', p)}
              >
                <Trash2 className="size-3.5" />
              </IconButton>
            </span>
          );
        },
      },
    ],
    [onAction, disabling],
  );
}
