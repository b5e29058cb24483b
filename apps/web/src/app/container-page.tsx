import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { retryingImport } from '@/lib/chunk-load';
import { ContainerRoute } from '@/features/containers/routes/container-route';
import type { RenderConsole, RenderPanel } from '@/features/containers/routes/container-route';

// xterm.js and its renderers are most of a terminal's weight: load them when a console opens.
const ContainerConsole = lazy(() =>
  retryingImport(() => import('@/features/terminal/components/container-console')).then(
    (module) => ({
      default: module.ContainerConsole,
    }),
  ),
);
// uPlot and the log viewer load with their tabs too.
const ContainerStats = lazy(() =>
  retryingImport(() => import('@/features/stats/components/container-stats')).then((module) => ({
    default: module.ContainerStats,
  })),
);
const ContainerLogs = lazy(() =>
  retryingImport(() => import('@/features/logs/components/container-logs')).then((module) => ({
    default: module.ContainerLogs,
  })),
);

function Loading({ children }: { children: ReactNode }) {
  return (
    <div className="flex items-center gap-2 p-6 text-[13px] text-muted">
      <Spinner /> {children}
    </div>
  );
}

const renderConsole: RenderConsole = ({ endpointId, inspect }) => (
  <Suspense fallback={<Loading>Loading the console…</Loading>}>
    <ContainerConsole endpointId={endpointId} inspect={inspect} />
  </Suspense>
);

const renderStats: RenderPanel = ({ endpointId, inspect }) => (
  <Suspense fallback={<Loading>Loading the charts…</Loading>}>
    <ContainerStats endpointId={endpointId} inspect={inspect} />
  </Suspense>
);

const renderLogs: RenderPanel = ({ endpointId, inspect }) => (
  <Suspense fallback={<Loading>Loading the log viewer…</Loading>}>
    <ContainerLogs endpointId={endpointId} inspect={inspect} />
  </Suspense>
);

/**
 * The container page with the terminal feature's Console tab and the logs and stats features'
 * tabs (features don't import each other).
 */
export function ContainerPage() {
  return (
    <ContainerRoute
      renderConsole={renderConsole}
      renderLogs={renderLogs}
      renderStats={renderStats}
    />
  );
}
