// ContainerWait from the browser: one blocking call per wait, cancelled when the person stops
// waiting or leaves the page.
import { endpointKeys, type ContainerWaitResponse } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { engine } from '@/lib/api-client';

export function useWaitForExit(endpointId: string, containerId: string) {
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation<ContainerWaitResponse, Error, undefined>({
    mutationFn: () => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      return engine(endpointId).waitContainer(containerId, { signal: current.signal });
    },
    // The exit (or the failure) is shown where the wait was asked for; the page re-reads state.
    meta: {
      toastOnError: false,
      invalidates: [endpointKeys.container(endpointId, containerId)],
    },
  });
  useEffect(() => () => controller.current?.abort(), []);
  const { reset } = mutation;
  return {
    mutation,
    /** Stops waiting: the engine call is closed, the container is left alone. */
    cancel: () => {
      controller.current?.abort();
      reset();
    },
  };
}
