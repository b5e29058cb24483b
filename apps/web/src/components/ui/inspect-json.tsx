import type { UseQueryResult } from '@tanstack/react-query';
import { InlineAlert } from './inline-alert';
import { JsonView } from './json-view';
import { SkeletonRows } from './skeleton';

/**
 * The engine's own inspect answer of one object (not the list entry, whose fields differ):
 * loading rows while it comes, the engine's message when it fails, then the JSON.
 */
export function InspectJson({ query, label }: { query: UseQueryResult<unknown>; label: string }) {
  if (query.isPending) return <SkeletonRows rows={4} label={`Loading ${label}`} />;
  if (query.isError)
    return (
      <InlineAlert title="The engine did not answer the inspect">{query.error.message}</InlineAlert>
    );
  return <JsonView label={label} text={JSON.stringify(query.data, null, 2)} />;
}
