import type { EndpointSummary } from '@berth/api';
import { cn } from '@/lib/cn';

const DOT: Record<EndpointSummary['status'], string> = {
  up: 'bg-emerald-500',
  down: 'bg-red-500',
  unknown: 'bg-zinc-400',
};

const WORD: Record<EndpointSummary['status'], string> = {
  up: 'Up',
  down: 'Down',
  unknown: 'Checking',
};

/** Up (with latency), Down (with the reason on hover and for screen readers) or Checking. */
export function EndpointStatusCell({ endpoint }: { endpoint: EndpointSummary }) {
  return (
    <span className="inline-flex items-center gap-1.5" data-status={endpoint.status}>
      <span aria-hidden className={cn('size-2 shrink-0 rounded-full', DOT[endpoint.status])} />
      <span
        className={cn(
          'font-medium',
          endpoint.status === 'down'
            ? 'text-danger'
            : endpoint.status === 'up'
              ? 'text-fg'
              : 'text-muted',
        )}
      >
        {WORD[endpoint.status]}
      </span>
      {endpoint.status === 'up' && endpoint.latencyMs !== null && (
        <span className="text-muted tabular-nums">{endpoint.latencyMs} ms</span>
      )}
    </span>
  );
}
