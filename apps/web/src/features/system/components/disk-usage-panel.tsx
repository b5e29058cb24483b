import { formatBytes } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Eraser } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { diskUsageQueryOptions } from '@/lib/queries';
import { summariseDiskUsage } from '../api/disk-usage';

/** One bar per kind, as wide as its share of the largest; the hatched part is reclaimable. */
export function DiskUsagePanel({
  endpointId,
  canCleanUp,
}: {
  endpointId: string;
  canCleanUp: boolean;
}) {
  const query = useQuery(diskUsageQueryOptions(endpointId));
  const summary = query.data ? summariseDiskUsage(query.data) : [];
  const largest = Math.max(1, ...summary.map((s) => s.size));
  const totalSize = summary.reduce((sum, s) => sum + s.size, 0);
  const totalReclaimable = summary.reduce((sum, s) => sum + s.reclaimable, 0);
  return (
    <Panel
      title="Disk usage"
      id="system-disk"
      className="lg:col-span-2"
      actions={
        canCleanUp && (
          <Link
            to="/endpoints/$endpointId/system/clean-up"
            params={{ endpointId }}
            className={buttonClasses('secondary', 'sm')}
          >
            <Eraser className="size-3.5" aria-hidden />
            Clean up
          </Link>
        )
      }
    >
      {query.isPending ? (
        <SkeletonRows rows={4} label="Loading disk usage" />
      ) : query.isError ? (
        <ErrorState
          title="Could not read disk usage"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <div className="px-4 py-3">
          <p className="mb-3 text-[12.5px] text-muted">
            {formatBytes(totalSize)} in use, {formatBytes(totalReclaimable)} reclaimable.
          </p>
          <ul aria-label="Disk usage by kind" className="flex flex-col gap-3">
            {summary.map((s) => {
              const width = (s.size / largest) * 100;
              const reclaimShare = s.size > 0 ? (s.reclaimable / s.size) * 100 : 0;
              return (
                <li key={s.kind} className="grid grid-cols-[130px_1fr_220px] items-center gap-3">
                  <span className="text-[13px] text-fg">
                    {s.label}
                    <span className="block text-[11.5px] text-muted">
                      {s.count} total, {s.active} active
                    </span>
                  </span>
                  <div
                    role="img"
                    aria-label={`${s.label}: ${formatBytes(s.size)}, ${formatBytes(s.reclaimable)} reclaimable`}
                    className="h-4 overflow-hidden rounded bg-subtle"
                  >
                    <div
                      className="flex h-full"
                      style={{ width: `${Math.max(width, s.size ? 1 : 0)}%` }}
                    >
                      <div
                        className="h-full bg-accent"
                        style={{ width: `${100 - reclaimShare}%` }}
                      />
                      <div
                        className="h-full bg-amber-500/70 bg-[repeating-linear-gradient(45deg,transparent_0_3px,rgba(255,255,255,0.35)_3px_6px)]"
                        style={{ width: `${reclaimShare}%` }}
                      />
                    </div>
                  </div>
                  <span className="text-right text-[12.5px] text-muted tabular-nums">
                    <span className="text-fg">{formatBytes(s.size)}</span> ·{' '}
                    {formatBytes(s.reclaimable)} reclaimable
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="mt-3 flex items-center gap-4 text-[11.5px] text-muted">
            <span className="flex items-center gap-1.5">
              <span className="inline-block size-2.5 rounded-sm bg-accent" aria-hidden /> in use
            </span>
            <span className="flex items-center gap-1.5">
              <span className="inline-block size-2.5 rounded-sm bg-amber-500/70" aria-hidden />{' '}
              reclaimable
            </span>
          </p>
        </div>
      )}
    </Panel>
  );
}
