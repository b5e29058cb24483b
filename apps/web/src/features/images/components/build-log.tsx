import { shortId } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { InlineAlert } from '@/components/ui/inline-alert';
import type { StreamPhase } from '../api/use-progress-stream';

const PHASE_TEXT: Record<StreamPhase, string> = {
  idle: '',
  running: 'Building…',
  done: 'Built',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The engine's build output as it arrives, kept scrolled to the end, then how it ended. */
export function BuildLog({
  endpointId,
  log,
  phase,
  failure,
  imageId,
}: {
  endpointId: string;
  log: string;
  phase: StreamPhase;
  failure: string | null;
  imageId: string | null;
}) {
  const logRef = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const node = logRef.current;
    if (node) node.scrollTop = node.scrollHeight;
  }, [log]);
  return (
    <section aria-labelledby="build-log-title" className="flex min-h-[420px] flex-col gap-2">
      <div className="flex items-center justify-between">
        <h2 id="build-log-title" className="text-[13px] font-semibold text-fg">
          Build log
        </h2>
        <span className="text-[12.5px] text-muted" aria-live="polite">
          {PHASE_TEXT[phase]}
        </span>
      </div>
      <pre
        ref={logRef}
        role="log"
        aria-label="Build log"
        tabIndex={0}
        className="min-h-0 flex-1 overflow-auto rounded-lg border border-line bg-subtle p-3 font-mono text-[12px] leading-relaxed whitespace-pre-wrap text-fg"
      >
        {log || <span className="text-faint">The engine&apos;s output appears here.</span>}
      </pre>
      {phase === 'failed' && failure && (
        <InlineAlert title="Build failed">
          <span className="font-mono">{failure}</span>
        </InlineAlert>
      )}
      {phase === 'done' && imageId && (
        <InlineAlert tone="info" title="Image built">
          <Link
            to="/endpoints/$endpointId/images/$imageId"
            params={{ endpointId, imageId }}
            className="font-mono text-accent-text underline"
          >
            {shortId(imageId)}
          </Link>
        </InlineAlert>
      )}
    </section>
  );
}
