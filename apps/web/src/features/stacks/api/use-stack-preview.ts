import { endpointKeys } from '@berth/api';
import type { StackPreview } from '@berth/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { previewStack } from './stacks-api';

/** `value`, once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The gateway's check of a file while it is typed (schema, interpolation, supported keys,
 * policy for the caller's role) and what a deploy would do to each service: asked again when
 * typing pauses, never sent to the engine as a deploy.
 */
export function useStackPreview(
  endpointId: string,
  input: { name: string; compose: string; env: string },
) {
  const settled = useSettled(input, 400);
  const name = /^[a-z0-9][a-z0-9_-]*$/.test(settled.name) ? settled.name : 'preview';
  const query = useQuery({
    queryKey: [
      ...endpointKeys.stacks(endpointId),
      'preview',
      name,
      settled.compose,
      settled.env,
    ] as const,
    queryFn: ({ signal }): Promise<StackPreview> =>
      previewStack(endpointId, { name, compose: settled.compose, env: settled.env }, signal),
    enabled: settled.compose.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const typing = settled !== input;
  return { preview: query.data ?? null, checking: typing || query.isFetching, error: query.error };
}
