import { endpointKeys, formatBytes, gatewayKeys } from '@berth/api';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Eraser } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CapabilityNote } from '@/components/ui/capability-note';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { DetailHeader } from '@/components/ui/page-header';
import { RoleNote } from '@/components/ui/role-note';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEnginePermission } from '@/hooks/use-me';
import { engine } from '@/lib/api-client';
import {
  diskUsageQueryOptions,
  endpointsQueryOptions,
  findEndpoint,
  networksQueryOptions,
} from '@/lib/queries';
import { previewPrunes, PRUNE_PATHS, removedCount, runPrune } from '../api/clean-up';
import type { PruneKind } from '../api/clean-up';
import { PruneSection } from '../components/prune-section';
import type { Outcome } from '../components/prune-section';

const route = getRouteApi('/_app/endpoints/$endpointId/system/clean-up');

const KINDS: Array<{ kind: PruneKind; label: string; noun: string }> = [
  { kind: 'containers', label: 'Stopped containers', noun: 'containers' },
  { kind: 'networks', label: 'Unused networks', noun: 'networks' },
  { kind: 'images', label: 'Unused images', noun: 'images' },
  { kind: 'volumes', label: 'Unused volumes', noun: 'volumes' },
  { kind: 'buildCache', label: 'Build cache', noun: 'cache records' },
];

/** Clean up is prune: an engine without prune (PouchContainer) gets a note, not a failing page. */
export function CleanUpRoute() {
  const { endpointId } = route.useParams();
  const capabilities = useCapabilities(endpointId);
  if (!capabilities.has('prune')) {
    return (
      <div className="mx-auto max-w-3xl px-6 py-5">
        <h1 className="mb-3 text-[17px] font-semibold text-fg">Clean up</h1>
        <CapabilityNote
          detailed
          engineName={capabilities.engineName}
          missing={[['Clean up', capabilities.reason('prune')]]}
        />
      </div>
    );
  }
  return <CleanUpPage />;
}

function CleanUpPage() {
  const { endpointId } = route.useParams();
  useDocumentTitle('Clean up');
  const can = useEnginePermission();
  const queryClient = useQueryClient();
  const [containers, networks, df] = useQueries({
    queries: [
      {
        // Raw summaries: the preview needs each container's networks.
        queryKey: [...endpointKeys.containers(endpointId), 'summaries', { all: true }],
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          engine(endpointId).listContainers({ all: true }, signal),
      },
      networksQueryOptions(endpointId),
      diskUsageQueryOptions(endpointId),
    ],
  });
  const endpoints = useQuery(endpointsQueryOptions());
  const apiVersion = findEndpoint(endpoints.data, endpointId)?.apiVersion ?? undefined;
  const [allImages, setAllImages] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<PruneKind>>(
    new Set(['containers', 'networks', 'images', 'buildCache']),
  );
  const [confirming, setConfirming] = useState(false);
  const [outcomes, setOutcomes] = useState<Partial<Record<PruneKind, Outcome>> | null>(null);
  const running = outcomes !== null && Object.values(outcomes).some((o) => o?.state === 'pending');

  const previews = useMemo(
    () =>
      containers.data && networks.data && df.data
        ? previewPrunes({
            containers: containers.data,
            networks: networks.data,
            df: df.data,
            allImages,
          })
        : null,
    [containers.data, networks.data, df.data, allImages],
  );
  const allowed = KINDS.filter((k) => can('POST', PRUNE_PATHS[k.kind]).allowed);
  const selected = allowed.filter((k) => chosen.has(k.kind));
  const space = previews ? selected.reduce((sum, k) => sum + previews[k.kind].space, 0) : 0;
  const failedQuery = [containers, networks, df].find((q) => q.isError);

  async function run() {
    setConfirming(false);
    const kinds = selected.map((k) => k.kind);
    setOutcomes(Object.fromEntries(kinds.map((kind) => [kind, { state: 'pending' }])));
    // One after another: image prune must see the containers prune's result.
    for (const kind of kinds) {
      try {
        const response = await runPrune(endpointId, kind, { allImages, apiVersion });
        setOutcomes((current) => ({
          ...current,
          [kind]: {
            state: 'ok',
            removed: removedCount(kind, response),
            space: response.SpaceReclaimed ?? 0,
          },
        }));
      } catch (error) {
        setOutcomes((current) => ({
          ...current,
          [kind]: {
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
          },
        }));
      }
    }
    await queryClient.invalidateQueries({ queryKey: endpointKeys.root(endpointId) });
    void queryClient.invalidateQueries({ queryKey: gatewayKeys.endpoints() });
  }

  return (
    <div className="h-full overflow-auto">
      <DetailHeader
        crumbs={[
          {
            label: 'System',
            link: { to: '/endpoints/$endpointId/system', params: { endpointId } },
          },
        ]}
        title="Clean up"
        description="Preview what each prune removes, choose, then run them. Nothing is removed until you confirm."
      />
      <div className="mx-auto flex max-w-5xl flex-col gap-4 px-6 py-5">
        {allowed.length === 0 ? (
          <RoleNote needed="admin" what="pruning" />
        ) : failedQuery?.isError ? (
          <ErrorState
            title="Could not preview"
            message={failedQuery.error.message}
            onRetry={() => void failedQuery.refetch()}
          />
        ) : !previews ? (
          <SkeletonRows rows={5} label="Loading the preview" />
        ) : (
          <>
            <ul aria-label="Prunes" className="flex flex-col gap-3">
              {allowed.map(({ kind, label, noun }) => (
                <PruneSection
                  key={kind}
                  label={label}
                  noun={noun}
                  preview={previews[kind]}
                  checked={chosen.has(kind)}
                  disabled={running}
                  onToggle={() =>
                    setChosen((current) => {
                      const next = new Set(current);
                      if (next.has(kind)) next.delete(kind);
                      else next.add(kind);
                      return next;
                    })
                  }
                  outcome={outcomes?.[kind]}
                  extra={
                    kind === 'images' ? (
                      <CheckboxField
                        label="All unused images, not only dangling ones"
                        checked={allImages}
                        disabled={running}
                        onChange={(event) => setAllImages(event.target.checked)}
                      />
                    ) : kind === 'volumes' ? (
                      <p className="text-[12px] text-amber-800 dark:text-amber-300">
                        Volume data is gone for good, named volumes included.
                      </p>
                    ) : null
                  }
                />
              ))}
            </ul>
            <div className="flex items-center justify-between rounded-lg border border-line bg-panel px-4 py-3">
              <span className="text-[13px] text-fg">
                {selected.length} {selected.length === 1 ? 'prune' : 'prunes'} chosen, about{' '}
                <strong>{formatBytes(space)}</strong> reclaimed
              </span>
              <Button
                variant="danger"
                icon={<Eraser className="size-3.5" />}
                disabled={selected.length === 0 || running}
                loading={running}
                onClick={() => setConfirming(true)}
              >
                Clean up
              </Button>
            </div>
          </>
        )}
      </div>
      <Dialog
        open={confirming}
        role="alertdialog"
        onClose={() => setConfirming(false)}
        title="Run the chosen prunes?"
        description={`${selected.map((k) => k.label.toLowerCase()).join(', ')} — about ${formatBytes(space)}. This cannot be undone.`}
        footer={
          <>
            <Button onClick={() => setConfirming(false)} data-autofocus>
              Cancel
            </Button>
            <Button variant="danger" onClick={() => void run()}>
              Prune now
            </Button>
          </>
        }
      />
    </div>
  );
}
