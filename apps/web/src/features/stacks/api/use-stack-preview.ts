import { endpointKeys } from '@berth/api';
import type { StackKind, StackPreview } from '@berth/api';
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
  input: { name: string; compose: string; env: string; kind?: StackKind },
) {
  // Settles on one string, so a new input object with the same text is the same value.
  const key = JSON.stringify([input.name, input.compose, input.env, input.kind ?? '']);
  const settledKey = useSettled(key, 400);
  const [rawName = '', compose = '', env = '', rawKind = ''] = JSON.parse(settledKey) as string[];
  const kind: StackKind | undefined =
    rawKind === 'swarm' || rawKind === 'compose' ? rawKind : undefined;
  const name = /^[a-z0-9][a-z0-9_-]*$/.test(rawName) ? rawName : 'preview';
  const query = useQuery({
    queryKey: [...endpointKeys.stacks(endpointId), 'preview', name, compose, env, kind] as const,
    queryFn: ({ signal }): Promise<StackPreview> =>
      previewStack(endpointId, { name, compose, env, kind }, signal),
    enabled: compose.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const typing = settledKey !== key;
  return { preview: query.data ?? null, checking: typing || query.isFetching, error: query.error };
}
