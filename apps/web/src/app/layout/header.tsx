import type { EndpointSummary, Me } from '@berth/api';
import { Moon, Sun } from 'lucide-react';
import { IconButton } from '@/components/ui/button';
import { EngineBadge } from '@/components/ui/engine-badge';
import { useTheme } from '@/hooks/use-theme';
import { cn } from '@/lib/cn';
import { UserMenu } from './user-menu';

const STATUS_DOT: Record<EndpointSummary['status'], string> = {
  up: 'bg-emerald-500',
  down: 'bg-red-500',
  unknown: 'bg-zinc-400',
};

const STATUS_TEXT: Record<EndpointSummary['status'], string> = {
  up: 'Engine reachable',
  down: 'Engine unreachable',
  unknown: 'Engine status unknown',
};

function EndpointStatus({ endpoint }: { endpoint: EndpointSummary | undefined }) {
  if (!endpoint) return <span className="text-muted">Connecting…</span>;
  return (
    <>
      <span
        className={cn('size-2 shrink-0 rounded-full', STATUS_DOT[endpoint.status])}
        role="img"
        aria-label={STATUS_TEXT[endpoint.status]}
        title={
          endpoint.status === 'up' && endpoint.latencyMs !== null
            ? `${STATUS_TEXT.up} (${endpoint.latencyMs} ms)`
            : (endpoint.error ?? STATUS_TEXT[endpoint.status])
        }
      />
      <span className="truncate font-medium text-fg" data-testid="endpoint-name">
        {endpoint.name}
      </span>
      <span className="truncate text-muted">
        <EngineBadge kind={endpoint.kind} version={endpoint.engineVersion} />
        {endpoint.apiVersion && (
          <span className="ml-2 font-mono text-[12px] text-faint">API {endpoint.apiVersion}</span>
        )}
      </span>
      {endpoint.demo && (
        <span className="rounded-full border border-amber-500/40 px-2 text-[11.5px] font-medium text-amber-700 dark:text-amber-400">
          demo
        </span>
      )}
    </>
  );
}

export function Header({
  endpoint,
  inEndpoint,
  section,
  me,
}: {
  endpoint: EndpointSummary | undefined;
  /** False on pages that belong to no engine (tokens, administration). */
  inEndpoint: boolean;
  /** What the page belongs to when it is not an engine's. */
  section?: string;
  me: Me | undefined;
}) {
  const { theme, toggle } = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="flex h-12 shrink-0 items-center justify-between gap-4 border-b border-line bg-panel px-5">
      <div className="flex min-w-0 items-center gap-3 text-[13px]">
        {inEndpoint ? (
          <EndpointStatus endpoint={endpoint} />
        ) : (
          section && <span className="font-medium text-muted">{section}</span>
        )}
      </div>
      <div className="flex items-center gap-1">
        <IconButton aria-label={`Switch to ${next} theme`} onClick={toggle}>
          {theme === 'dark' ? <Sun className="size-4" /> : <Moon className="size-4" />}
        </IconButton>
        {me && <UserMenu me={me} />}
      </div>
    </header>
  );
}
