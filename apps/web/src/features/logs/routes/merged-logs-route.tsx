import { shortId } from '@berth/api';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { ScrollText } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useContainerList } from '@/lib/container-list-query';
import type { LogRange } from '../api/log-session';
import { LogViewer } from '../components/log-viewer';
import { RangeControls } from '../components/range-controls';
import { useLogPrefs } from '../hooks/use-log-prefs';
import { useLogSession } from '../hooks/use-log-session';

const route = getRouteApi('/_app/endpoints/$endpointId/logs');

/** Several containers' logs interleaved by time, each line tagged with its container. */
export function MergedLogsRoute() {
  const { endpointId } = route.useParams();
  const { containers } = route.useSearch();
  const ids = useMemo(
    () => [...new Set((containers ?? '').split(',').filter(Boolean))].slice(0, 32),
    [containers],
  );
  useDocumentTitle('Logs');
  const list = useContainerList(endpointId, { all: true });

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-center justify-between gap-3 border-b border-line px-6 pt-4 pb-3">
        <h1 className="text-[17px] font-semibold text-fg">
          Logs
          {ids.length > 0 && (
            <span className="ml-2 text-[13px] font-normal text-muted">
              {ids.length} containers, merged by time
            </span>
          )}
        </h1>
        {ids.length > 0 && (
          <Link
            to="/endpoints/$endpointId/logs"
            params={{ endpointId }}
            search={{}}
            className="text-[12.5px] text-accent-text hover:underline"
          >
            Choose containers
          </Link>
        )}
      </div>
      {ids.length === 0 ? (
        list.isPending ? (
          <SkeletonRows rows={6} label="Loading containers" />
        ) : (
          <ContainerPicker
            endpointId={endpointId}
            rows={(list.data ?? []).map((row) => ({
              id: row.id,
              name: row.name,
              state: row.state,
            }))}
          />
        )
      ) : list.isPending ? (
        <SkeletonRows rows={6} label="Loading containers" />
      ) : (
        <PanelErrorBoundary title="The log viewer failed to render">
          <MergedViewer
            endpointId={endpointId}
            sources={ids.map((id) => {
              const row = list.data?.find(
                (r) => r.id === id || r.id.startsWith(id) || r.name === id,
              );
              return { id: row?.id ?? id, name: row?.name ?? shortId(id) };
            })}
          />
        </PanelErrorBoundary>
      )}
    </div>
  );
}

function MergedViewer({
  endpointId,
  sources,
}: {
  endpointId: string;
  sources: Array<{ id: string; name: string }>;
}) {
  const [prefs, setPrefs] = useLogPrefs();
  const [range, setRange] = useState<LogRange>({ tail: 1000 });
  const session = useLogSession(endpointId, sources, range, prefs.capacity);
  return (
    <LogViewer
      session={session}
      prefs={prefs}
      onPrefs={setPrefs}
      downloadName={
        sources
          .map((s) => s.name)
          .join('+')
          .slice(0, 80) || 'logs'
      }
      label={`Logs of ${sources.map((s) => s.name).join(', ')}`}
      controls={
        <RangeControls
          key={`${range.tail}|${range.since}|${range.until}|${prefs.capacity}`}
          range={range}
          capacity={prefs.capacity}
          onApply={(next, capacity) => {
            setRange(next);
            setPrefs({ capacity });
          }}
        />
      }
    />
  );
}

function ContainerPicker({
  endpointId,
  rows,
}: {
  endpointId: string;
  rows: Array<{ id: string; name: string; state: string }>;
}) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const navigate = useNavigate();
  if (rows.length === 0) {
    return (
      <EmptyState icon={<ScrollText className="size-8" aria-hidden />} title="No containers">
        Logs appear here once a container exists.
      </EmptyState>
    );
  }
  const sorted = [...rows].sort(
    (a, b) =>
      Number(b.state === 'running') - Number(a.state === 'running') || a.name.localeCompare(b.name),
  );
  return (
    <div className="mx-auto w-full max-w-xl overflow-auto px-6 py-6">
      <p className="mb-3 text-[13px] text-muted">
        Choose the containers whose logs to merge (or select them in the containers list and use the
        Logs action).
      </p>
      <fieldset className="rounded-lg border border-line bg-panel px-4 py-2">
        <legend className="px-1 text-[12.5px] font-medium text-fg">Containers</legend>
        {sorted.map((row) => (
          <CheckboxField
            key={row.id}
            label={row.name}
            hint={row.state}
            checked={chosen.has(row.id)}
            onChange={() =>
              setChosen((current) => {
                const next = new Set(current);
                if (next.has(row.id)) next.delete(row.id);
                else next.add(row.id);
                return next;
              })
            }
          />
        ))}
      </fieldset>
      <div className="mt-4">
        <Button
          variant="primary"
          disabled={chosen.size === 0}
          onClick={() =>
            void navigate({
              to: '/endpoints/$endpointId/logs',
              params: { endpointId },
              search: { containers: [...chosen].join(',') },
            })
          }
        >
          Show logs
        </Button>
      </div>
    </div>
  );
}
