import { appUrl } from '@/lib/base-path';
import { formatAgo } from '@berth/api';
import type { WallDeviceSummary, WallLayoutSummary } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { ExternalLink, MonitorPlay, Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useNow } from '@/hooks/use-now';
import {
  deleteLayout,
  devicesQueryOptions,
  layoutsQueryOptions,
  revokeDevice,
  wallKeys,
} from '../api/wall-api';
import { LayoutEditorDialog } from '../components/layout-editor-dialog';
import { PairPanel } from '../components/pair-panel';

type Open =
  | null
  | { kind: 'edit'; layout: WallLayoutSummary | null }
  | { kind: 'delete'; layout: WallLayoutSummary }
  | { kind: 'revoke'; device: WallDeviceSummary };

/** Administration › Wall: pair a screen, see and revoke paired screens, arrange layouts. */
export function WallAdminRoute() {
  useDocumentTitle('Wall');
  const layouts = useQuery(layoutsQueryOptions());
  const [open, setOpen] = useState<Open>(null);
  return (
    <div className="h-full overflow-auto">
      <div className="mx-auto flex max-w-5xl flex-col gap-5 px-6 py-5">
        <div>
          <h1 className="text-[17px] font-semibold text-fg">Wall</h1>
          <p className="text-[12.5px] text-muted">
            A full-screen view for a TV across the room. Open{' '}
            <a
              href={appUrl('/wall')}
              target="_blank"
              rel="noreferrer"
              className="font-mono text-accent-text hover:underline"
            >
              {window.location.origin}
              {appUrl('/wall')}
            </a>{' '}
            on the screen: it shows a code to approve here. No password is typed on the TV.
          </p>
        </div>
        <PairPanel layouts={layouts.data ?? []} />
        <Panel
          title="Layouts"
          id="wall-layouts"
          actions={
            <Button
              size="sm"
              variant="primary"
              icon={<Plus className="size-3.5" aria-hidden />}
              onClick={() => setOpen({ kind: 'edit', layout: null })}
            >
              New layout
            </Button>
          }
        >
          {layouts.isError ? (
            <ErrorState
              title="Could not list the layouts"
              message={layouts.error.message}
              onRetry={() => void layouts.refetch()}
            />
          ) : !layouts.data ? (
            <SkeletonRows rows={2} label="Loading layouts" />
          ) : layouts.data.length === 0 ? (
            <EmptyState
              icon={<MonitorPlay className="size-8" aria-hidden />}
              title="No layouts yet"
            >
              Create one: endpoint health, container grids, live charts, an events ticker and swarm
              services, on pages that rotate.
            </EmptyState>
          ) : (
            <ul aria-label="Layouts" className="divide-y divide-line">
              {layouts.data.map((layout) => (
                <li key={layout.id} className="flex items-center gap-3 px-4 py-2.5 text-[13px]">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium text-fg">{layout.name}</p>
                    <p className="text-[12px] text-muted">
                      {layout.config.pages.length} page{layout.config.pages.length === 1 ? '' : 's'}{' '}
                      · {layout.config.pages.reduce((n, p) => n + p.tiles.length, 0)} tiles · next
                      page every {layout.config.rotateSeconds} s
                    </p>
                  </div>
                  <a
                    href={appUrl(`/wall?layout=${layout.id}`)}
                    target="_blank"
                    rel="noreferrer"
                    className={buttonClasses('ghost', 'sm')}
                    aria-label={`Open ${layout.name} on this screen`}
                  >
                    <ExternalLink className="size-3" aria-hidden />
                    Open
                  </a>
                  <Button
                    size="sm"
                    variant="ghost"
                    icon={<Pencil className="size-3" aria-hidden />}
                    aria-label={`Edit ${layout.name}`}
                    onClick={() => setOpen({ kind: 'edit', layout })}
                  >
                    Edit
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    className="text-danger hover:text-danger"
                    icon={<Trash2 className="size-3" aria-hidden />}
                    aria-label={`Delete ${layout.name}`}
                    onClick={() => setOpen({ kind: 'delete', layout })}
                  >
                    Delete
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <DevicesPanel
          layouts={layouts.data ?? []}
          onRevoke={(device) => setOpen({ kind: 'revoke', device })}
        />
      </div>
      {open?.kind === 'edit' && (
        <LayoutEditorDialog existing={open.layout} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${open.layout.name}?`}
          description="Screens showing it fall back to the first layout left."
          confirm="Delete layout"
          action={() => deleteLayout(open.layout.id)}
          invalidates={[wallKeys.all()]}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'revoke' && (
        <ConfirmDialog
          title={`Revoke ${open.device.name}?`}
          description="Its session ends at once; the screen goes back to showing a pairing code."
          confirm="Revoke screen"
          action={() => revokeDevice(open.device.id)}
          invalidates={[wallKeys.all()]}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}

function DevicesPanel({
  layouts,
  onRevoke,
}: {
  layouts: WallLayoutSummary[];
  onRevoke: (device: WallDeviceSummary) => void;
}) {
  const devices = useQuery(devicesQueryOptions());
  const now = useNow(30_000);
  const layoutName = (id: number | null) =>
    id === null ? 'First layout' : (layouts.find((l) => l.id === id)?.name ?? `#${id}`);
  return (
    <Panel title="Paired screens" id="wall-devices">
      {devices.isError ? (
        <ErrorState title="Could not list the screens" message={devices.error.message} />
      ) : !devices.data ? (
        <SkeletonRows rows={2} label="Loading screens" />
      ) : devices.data.length === 0 ? (
        <p className="px-4 py-6 text-center text-[13px] text-muted">
          No screens paired. Open /wall on a TV and approve its code above.
        </p>
      ) : (
        <ul aria-label="Paired screens" className="divide-y divide-line">
          {devices.data.map((device) => (
            <li key={device.id} className="flex items-center gap-3 px-4 py-2.5 text-[13px]">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-fg">{device.name}</p>
                <p className="text-[12px] text-muted">
                  {layoutName(device.layoutId)} · paired {formatAgo(device.createdAt, now)}
                  {device.lastSeenAt && ` · seen ${formatAgo(device.lastSeenAt, now)}`}
                </p>
              </div>
              <Button
                size="sm"
                variant="ghost"
                className="text-danger hover:text-danger"
                aria-label={`Revoke ${device.name}`}
                onClick={() => onRevoke(device)}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
