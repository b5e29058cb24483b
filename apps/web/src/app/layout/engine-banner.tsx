import { endpointKeys } from '@berth/api';
import type { EndpointSummary } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { FlaskConical, PlugZap } from 'lucide-react';
import { useEffect, useRef } from 'react';

/**
 * Says when the engine (or the gateway) cannot be reached, and goes away by itself: the
 * endpoints query polls every 5 s while anything is wrong. When the engine returns, every
 * panel of that endpoint refetches.
 */
export function EngineBanner({
  endpointId,
  endpoint,
  gatewayError,
}: {
  endpointId: string;
  endpoint: EndpointSummary | undefined;
  gatewayError: string | null;
}) {
  const queryClient = useQueryClient();
  const status = gatewayError ? 'down' : endpoint?.status;
  const previous = useRef(status);

  useEffect(() => {
    if (previous.current === 'down' && status === 'up') {
      void queryClient.invalidateQueries({ queryKey: endpointKeys.root(endpointId) });
    }
    previous.current = status;
  }, [status, endpointId, queryClient]);

  if (gatewayError) {
    return (
      <div role="alert" className={ALERT}>
        <PlugZap className="size-4 shrink-0" aria-hidden />
        <span>
          <strong className="font-semibold">Gateway unreachable.</strong> {gatewayError} Retrying
          every 5 seconds.
        </span>
      </div>
    );
  }
  if (endpoint?.status === 'down') {
    return (
      <div role="alert" className={ALERT}>
        <PlugZap className="size-4 shrink-0" aria-hidden />
        <span>
          <strong className="font-semibold">Engine unreachable.</strong>{' '}
          {endpoint.error ?? `No answer from ${endpoint.url}.`} Retrying every 5 seconds.
        </span>
      </div>
    );
  }
  if (endpoint?.demo) {
    return (
      <div
        role="status"
        className="flex items-center gap-2 border-b border-amber-500/25 bg-amber-500/10 px-5 py-2 text-[12.5px] text-amber-800 dark:text-amber-300"
      >
        <FlaskConical className="size-4 shrink-0" aria-hidden />
        <span>
          <strong className="font-semibold">Demo engine.</strong> No Docker engine answered at
          DOCKER_HOST, so Berth started a private one with sample containers. It stops when Berth
          stops.
        </span>
      </div>
    );
  }
  return null;
}

const ALERT =
  'flex items-center gap-2 border-b border-red-500/25 bg-danger-soft px-5 py-2 text-[12.5px] text-red-800 dark:text-red-300';
