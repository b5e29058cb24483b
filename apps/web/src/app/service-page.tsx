import { lazy, Suspense } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { retryingImport } from '@/lib/chunk-load';
import { ServiceRoute } from '@/features/swarm/routes/service-route';
import type { RenderServiceLogs } from '@/features/swarm/routes/service-route';

// The log viewer loads with its tab.
const ServiceLogs = lazy(() =>
  retryingImport(() => import('@/features/logs/components/service-logs')).then((module) => ({
    default: module.ServiceLogs,
  })),
);

const renderLogs: RenderServiceLogs = ({ endpointId, id, kind, name }) => (
  <Suspense
    fallback={
      <div className="flex items-center gap-2 p-6 text-[13px] text-muted">
        <Spinner /> Loading the log viewer…
      </div>
    }
  >
    <ServiceLogs endpointId={endpointId} id={id} kind={kind} name={name} />
  </Suspense>
);

/** The swarm feature's service page with the logs feature's live viewer in its Logs tab. */
export function ServicePage() {
  return <ServiceRoute renderLogs={renderLogs} />;
}
