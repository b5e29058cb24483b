import { lazy, Suspense } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { ContainerRoute } from '@/features/containers/routes/container-route';
import type { RenderConsole } from '@/features/containers/routes/container-route';

// xterm.js and its renderers are most of a terminal's weight: load them when a console opens.
const ContainerConsole = lazy(() =>
  import('@/features/terminal/components/container-console').then((module) => ({
    default: module.ContainerConsole,
  })),
);

const renderConsole: RenderConsole = ({ endpointId, inspect }) => (
  <Suspense
    fallback={
      <div className="flex items-center gap-2 p-6 text-[13px] text-muted">
        <Spinner /> Loading the console…
      </div>
    }
  >
    <ContainerConsole endpointId={endpointId} inspect={inspect} />
  </Suspense>
);

/** The container page with the terminal feature's Console tab (features don't import each other). */
export function ContainerPage() {
  return <ContainerRoute renderConsole={renderConsole} />;
}
