import { endpointKeys } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyDeployEvent, IDLE_DEPLOY, STARTED_DEPLOY } from './deploy-progress';
import type { DeployState } from './deploy-progress';
import { StackRefusedError, streamDeploy } from './stacks-api';
import type { DeployRequest } from './stacks-api';

/**
 * Runs one deploy and folds its progress lines into steps. A refusal before it starts (invalid
 * file, policy) keeps the problems, so the editor can mark their lines. Leaving the page does not
 * stop the deploy on the gateway; it only stops listening.
 */
export function useDeploy(endpointId: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<DeployState>(IDLE_DEPLOY);
  const [problems, setProblems] = useState<StackRefusedError['problems']>([]);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (request: Omit<DeployRequest, 'signal'>): Promise<DeployState['phase']> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setProblems([]);
      let current = STARTED_DEPLOY;
      setState(current);
      try {
        await streamDeploy(endpointId, { ...request, signal: abort.signal }, (event) => {
          current = applyDeployEvent(current, event);
          setState(current);
        });
        if (current.phase === 'running') {
          current = {
            ...current,
            phase: 'failed',
            error: 'The gateway ended the deploy without saying how it went.',
          };
          setState(current);
        }
      } catch (error) {
        if (abort.signal.aborted) return 'idle';
        if (error instanceof StackRefusedError) setProblems(error.problems);
        current = {
          ...current,
          phase: 'failed',
          error: error instanceof Error ? error.message : String(error),
        };
        setState(current);
      } finally {
        void queryClient.invalidateQueries({ queryKey: endpointKeys.stacks(endpointId) });
        void queryClient.invalidateQueries({ queryKey: endpointKeys.containers(endpointId) });
      }
      return current.phase;
    },
    [endpointId, queryClient],
  );

  const reset = useCallback(() => {
    setState(IDLE_DEPLOY);
    setProblems([]);
  }, []);

  return { state, problems, start, reset };
}
