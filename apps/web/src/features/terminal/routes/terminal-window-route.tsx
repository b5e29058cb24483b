import { containerName, isEngineError, roleAtLeast, shortId } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Anchor, Lock, Moon, Sun } from 'lucide-react';
import { IconButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointRole } from '@/hooks/use-me';
import { useTheme } from '@/hooks/use-theme';
import { terminalContainerQueryOptions } from '../api/terminal-queries';
import { targetFromSearch, targetTitle } from '../api/terminal-target';
import { TerminalView } from '../components/terminal-view';

const route = getRouteApi('/endpoints/$endpointId/containers/$containerId/terminal');

/**
 * A terminal with a URL of its own and no app chrome, for a second monitor or the wall:
 * `/endpoints/local/containers/web1/terminal?cmd=["/bin/bash"]` or `?mode=attach&logs=1`.
 */
export function TerminalWindowRoute() {
  const { endpointId, containerId } = route.useParams();
  const search = route.useSearch();
  const target = targetFromSearch(search);
  const role = useEndpointRole();
  const { theme, toggle } = useTheme();
  const query = useQuery(terminalContainerQueryOptions(endpointId, containerId));
  const name = query.data ? containerName([query.data.Name], query.data.Id) : shortId(containerId);
  useDocumentTitle(`${targetTitle(target)} · ${name}`);

  const heading = (
    <span className="flex min-w-0 items-center gap-1.5 border-r border-line pr-3 text-[12.5px]">
      <Anchor className="size-3.5 shrink-0 text-accent-text" aria-hidden />
      <Link
        to="/endpoints/$endpointId/containers/$containerId"
        params={{ endpointId, containerId }}
        className="truncate font-semibold text-fg hover:underline"
        title="Open the container page"
      >
        {name}
      </Link>
      <span className="shrink-0 text-faint">on {endpointId}</span>
    </span>
  );
  const themeToggle = (
    <IconButton
      size="sm"
      aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
      onClick={toggle}
    >
      {theme === 'dark' ? (
        <Sun className="size-3.5" aria-hidden />
      ) : (
        <Moon className="size-3.5" aria-hidden />
      )}
    </IconButton>
  );

  const denied = role !== undefined && !roleAtLeast(role, 'operator');
  let body;
  if (denied) {
    body = (
      <EmptyState
        icon={<Lock className="size-5" aria-hidden />}
        title="Your role cannot open a terminal"
      >
        Terminals run commands inside the container, which needs the operator role.
      </EmptyState>
    );
  } else if (query.isPending) {
    body = (
      <div className="flex items-center gap-2 p-6 text-[13px] text-muted">
        <Spinner /> Loading the container…
      </div>
    );
  } else if (query.isError) {
    body = (
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
    );
  } else {
    body = (
      <PanelErrorBoundary title="This terminal failed">
        <TerminalView
          endpointId={endpointId}
          containerId={query.data.Id}
          containerName={name}
          target={target}
          leading={heading}
          actions={themeToggle}
        />
      </PanelErrorBoundary>
    );
  }

  return (
    <main className="flex h-full min-h-0 flex-col bg-panel">
      <h1 className="sr-only">Terminal: {name}</h1>
      {query.isSuccess && !denied ? (
        body
      ) : (
        <>
          <div className="flex items-center gap-2 border-b border-line px-3 py-1.5">
            {heading}
            <span className="ml-auto">{themeToggle}</span>
          </div>
          {body}
        </>
      )}
    </main>
  );
}
