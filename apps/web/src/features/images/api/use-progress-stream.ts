import type { ProgressMessage } from '@berth/api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyProgress, EMPTY_PROGRESS } from '@/lib/pull-progress';
import type { ProgressState, StreamPhase } from '@/lib/pull-progress';
import { streamEngine } from './images-api';
import type { StreamRequest } from './images-api';

export type { StreamPhase } from '@/lib/pull-progress';

/**
 * Runs one streamed engine call (pull, push, load, build) and folds its lines into progress.
 * Cancel aborts the fetch: the gateway closes the engine call, which stops a pull or build. An
 * unmount cancels too, so a closed dialog leaves nothing running.
 */
export function useProgressStream(onLine?: (message: ProgressMessage) => void) {
  const [progress, setProgress] = useState<ProgressState>(EMPTY_PROGRESS);
  const [phase, setPhase] = useState<StreamPhase>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const onLineRef = useRef(onLine);
  useEffect(() => {
    onLineRef.current = onLine;
  });
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (endpointId: string, path: string, request: Omit<StreamRequest, 'signal'>) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setProgress(EMPTY_PROGRESS);
      setFailure(null);
      setPhase('running');
      let streamError: string | null = null;
      try {
        await streamEngine(endpointId, path, { ...request, signal: abort.signal }, (message) => {
          if (message.error || message.errorDetail?.message) {
            streamError = message.error ?? message.errorDetail?.message ?? 'Failed';
          }
          onLineRef.current?.(message);
          setProgress((state) => applyProgress(state, message));
        });
        if (abort.signal.aborted) return 'cancelled' as const;
        if (streamError) {
          setFailure(streamError);
          setPhase('failed');
          return 'failed' as const;
        }
        setPhase('done');
        return 'done' as const;
      } catch (error) {
        if (abort.signal.aborted) {
          setPhase('cancelled');
          return 'cancelled' as const;
        }
        setFailure(error instanceof Error ? error.message : String(error));
        setPhase('failed');
        return 'failed' as const;
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    setPhase('cancelled');
  }, []);

  const reset = useCallback(() => {
    controller.current?.abort();
    setProgress(EMPTY_PROGRESS);
    setFailure(null);
    setPhase('idle');
  }, []);

  return { progress, phase, failure, start, cancel, reset };
}
