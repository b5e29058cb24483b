import { containerName, isEngineError, shortId } from '@berth/api';
import type { ContainerInspect } from '@berth/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { CapabilityNote } from '@/components/ui/capability-note';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { DetailHeader } from '@/components/ui/page-header';
import { ScrollPanel } from '@/components/ui/scroll-panel';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton, SkeletonRows } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { containerQueryOptions } from '../api/containers-queries';
import { ContainerActions } from '../components/container-actions';
import { FileBrowser } from '../components/files/file-browser';
import { ContainerInspectJson } from '../components/container-inspect';
import { ContainerOverview } from '../components/container-overview';
import { CheckpointsPanel } from '../components/pouch/checkpoints-panel';
import { HealthBadge, StateBadge } from '../components/state-badge';
import { ChangesPanel } from '../components/toolbox/changes-panel';
import { ContainerTools } from '../components/toolbox/container-tools';
import { ProcessesPanel } from '../components/toolbox/processes-panel';

export type ContainerTab =
  | 'overview'
  | 'logs'
  | 'stats'
  | 'inspect'
  | 'console'
  | 'processes'
  | 'changes'
  | 'files'
  | 'checkpoints';

/** Tabs that need an engine capability (PouchContainer has no changes or archive API). */
const TAB_NEEDS = { changes: 'changes', files: 'archive', checkpoints: 'checkpoints' } as const;

/** Features don't import each other: the app passes the terminal feature's console in. */
export type RenderConsole = (props: { endpointId: string; inspect: ContainerInspect }) => ReactNode;

const route = getRouteApi('/_app/endpoints/$endpointId/containers/$containerId');

/** The logs and stats features' panels, passed in the same way. */
export type RenderPanel = RenderConsole;

export function ContainerRoute({
  renderConsole,
  renderLogs,
  renderStats,
}: { renderConsole?: RenderConsole; renderLogs?: RenderPanel; renderStats?: RenderPanel } = {}) {
  const { endpointId, containerId } = route.useParams();
  const { tab = 'overview' } = route.useSearch();
  // Once opened, the console stays mounted behind the other tabs so its terminals keep running.
  const [consoleOpened, setConsoleOpened] = useState(tab === 'console');
  if (tab === 'console' && !consoleOpened) setConsoleOpened(true);
  // The log viewer too: its lines (up to a million) survive a look at another tab.
  const [logsOpened, setLogsOpened] = useState(tab === 'logs');
  if (tab === 'logs' && !logsOpened) setLogsOpened(true);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery(containerQueryOptions(endpointId, containerId));
  const engine = useCapabilities(endpointId);
  // Tabs the engine has no API for are left out, never shown to fail; opened by URL, a note
  // says why.
  const needed = tab in TAB_NEEDS ? TAB_NEEDS[tab as keyof typeof TAB_NEEDS] : null;
  const unavailable = needed !== null && !engine.has(needed);

  const name = query.data ? containerName([query.data.Name], query.data.Id) : shortId(containerId);
  useDocumentTitle(name);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <DetailHeader
        crumbs={[
          {
            label: 'Containers',
            link: { to: '/endpoints/$endpointId/containers', params: { endpointId } },
          },
        ]}
        title={name}
        badges={
          query.data ? (
            <>
              <StateBadge state={query.data.State.Status} />
              {query.data.State.Health && query.data.State.Health.Status !== 'none' && (
                <HealthBadge health={query.data.State.Health.Status} />
              )}
              <span className="font-mono text-[12px] text-faint" title={query.data.Id}>
                {shortId(query.data.Id)}
              </span>
            </>
          ) : (
            query.isPending && <Skeleton className="h-5 w-20 rounded-full" />
          )
        }
        actions={
          <>
            {query.data && <ContainerTools endpointId={endpointId} inspect={query.data} />}
            {query.data && (
              <ContainerActions
                endpointId={endpointId}
                container={{ id: query.data.Id, name, state: query.data.State.Status }}
                onRemoved={() => {
                  queryClient.removeQueries({
                    queryKey: containerQueryOptions(endpointId, containerId).queryKey,
                  });
                  void navigate({
                    to: '/endpoints/$endpointId/containers',
                    params: { endpointId },
                  });
                }}
              />
            )}
          </>
        }
      />

      {query.isPending ? (
        <SkeletonRows rows={10} label="Loading container" />
      ) : query.isError ? (
        <ErrorState
          title={
            isEngineError(query.error) && query.error.status === 404
              ? 'No such container'
              : 'Could not inspect the container'
          }
          message={query.error.message}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <Tabs
          label="Container views"
          value={tab}
          onChange={(next) =>
            void navigate({
              to: '/endpoints/$endpointId/containers/$containerId',
              params: { endpointId, containerId },
              search: next === 'overview' ? {} : { tab: next },
              replace: true,
            })
          }
          items={[
            { value: 'overview', label: 'Overview' },
            ...(renderLogs ? [{ value: 'logs' as const, label: 'Logs' }] : []),
            ...(renderStats ? [{ value: 'stats' as const, label: 'Stats' }] : []),
            { value: 'inspect', label: 'Inspect' },
            { value: 'processes', label: 'Processes' },
            ...(engine.has('changes') ? [{ value: 'changes' as const, label: 'Changes' }] : []),
            ...(engine.has('archive') ? [{ value: 'files' as const, label: 'Files' }] : []),
            ...(engine.has('checkpoints')
              ? [{ value: 'checkpoints' as const, label: 'Checkpoints' }]
              : []),
            ...(renderConsole ? [{ value: 'console' as const, label: 'Console' }] : []),
          ]}
        >
          {tab === 'stats' && renderStats && (
            <TabPanel failTitle="The stats failed to render">
              {renderStats({ endpointId, inspect: query.data })}
            </TabPanel>
          )}
          {renderLogs && logsOpened && (
            <div className="h-full" hidden={tab !== 'logs'}>
              <PanelErrorBoundary title="The log viewer failed to render">
                {renderLogs({ endpointId, inspect: query.data })}
              </PanelErrorBoundary>
            </div>
          )}
          {(tab === 'overview' || tab === 'inspect') && (
            <TabPanel failTitle="This view failed to render">
              {tab === 'inspect' ? (
                <ContainerInspectJson inspect={query.data} />
              ) : (
                <ContainerOverview inspect={query.data} hostname={window.location.hostname} />
              )}
            </TabPanel>
          )}
          {tab === 'checkpoints' && engine.has('checkpoints') && (
            <TabPanel failTitle="The checkpoints failed to render">
              <CheckpointsPanel
                endpointId={endpointId}
                containerId={query.data.Id}
                running={query.data.State.Running}
              />
            </TabPanel>
          )}
          {unavailable && needed && (
            <div className="p-6">
              <CapabilityNote
                detailed
                engineName={engine.engineName}
                missing={[[tab.charAt(0).toUpperCase() + tab.slice(1), engine.reason(needed)]]}
              />
            </div>
          )}
          {(tab === 'processes' ||
            (tab === 'changes' && engine.has('changes')) ||
            (tab === 'files' && engine.has('archive'))) && (
            <TabPanel failTitle="This view failed to render">
              {tab === 'processes' ? (
                <ProcessesPanel
                  endpointId={endpointId}
                  containerId={query.data.Id}
                  running={query.data.State.Running}
                />
              ) : tab === 'changes' ? (
                <ChangesPanel endpointId={endpointId} containerId={query.data.Id} />
              ) : (
                <FileBrowser endpointId={endpointId} containerId={query.data.Id} />
              )}
            </TabPanel>
          )}
          {renderConsole && consoleOpened && (
            <div className="h-full" hidden={tab !== 'console'}>
              <PanelErrorBoundary title="The console failed to render">
                {renderConsole({ endpointId, inspect: query.data })}
              </PanelErrorBoundary>
            </div>
          )}
        </Tabs>
      )}
    </div>
  );
}

/** One tab's content: scrolls on its own, from the keyboard too, and fails alone. */
function TabPanel({ failTitle, children }: { failTitle: string; children: ReactNode }) {
  return (
    <ScrollPanel>
      <PanelErrorBoundary title={failTitle}>{children}</PanelErrorBoundary>
    </ScrollPanel>
  );
}
