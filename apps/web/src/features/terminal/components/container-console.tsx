import { containerName, roleAtLeast } from '@berth/api';
import type { ContainerInspect } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { ExternalLink, Lock, Plus, X } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { IconButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { useEndpointRole } from '@/hooks/use-me';
import { cn } from '@/lib/cn';
import { searchFromTarget, targetTitle } from '../api/terminal-target';
import type { TerminalTarget } from '../api/terminal-target';
import { ConnectForm } from './connect-form';
import { TerminalView } from './terminal-view';

interface Session {
  key: number;
  /** null: not connected yet, the panel shows the form. */
  target: TerminalTarget | null;
}

/**
 * The container page's Console tab: several terminals as tabs of their own, each one a new exec
 * or an attach, each with its own error boundary. Terminals keep running while another tab shows.
 */
export function ContainerConsole({
  endpointId,
  inspect,
}: {
  endpointId: string;
  inspect: ContainerInspect;
}) {
  const role = useEndpointRole();
  if (role && !roleAtLeast(role, 'operator')) {
    return (
      <EmptyState
        icon={<Lock className="size-5" aria-hidden />}
        title="Your role cannot open a terminal"
      >
        Terminals run commands inside the container, which needs the operator role. Ask an
        administrator if you need one.
      </EmptyState>
    );
  }
  return <Sessions endpointId={endpointId} inspect={inspect} />;
}

function Sessions({ endpointId, inspect }: { endpointId: string; inspect: ContainerInspect }) {
  const baseId = useId();
  const nextKey = useRef(1);
  const [sessions, setSessions] = useState<Session[]>([{ key: 0, target: null }]);
  const [activeKey, setActiveKey] = useState(0);
  const tabs = useRef(new Map<number, HTMLButtonElement>());
  const name = containerName([inspect.Name], inspect.Id);

  function addSession() {
    const key = nextKey.current++;
    setSessions((all) => [...all, { key, target: null }]);
    setActiveKey(key);
  }

  function closeSession(key: number) {
    const index = sessions.findIndex((session) => session.key === key);
    const rest = sessions.filter((session) => session.key !== key);
    if (rest.length === 0) {
      const fresh = nextKey.current++;
      setSessions([{ key: fresh, target: null }]);
      setActiveKey(fresh);
      return;
    }
    setSessions(rest);
    if (key === activeKey) {
      const neighbour = rest[Math.min(index, rest.length - 1)];
      if (neighbour) setActiveKey(neighbour.key);
    }
  }

  function connect(key: number, target: TerminalTarget) {
    setSessions((all) =>
      all.map((session) => (session.key === key ? { ...session, target } : session)),
    );
  }

  // `sh`, `sh 2`, `attach`: a number only where titles repeat.
  const seen = new Map<string, number>();
  const titles = new Map(
    sessions.map((session) => {
      const title = session.target ? targetTitle(session.target) : 'New terminal';
      const n = (seen.get(title) ?? 0) + 1;
      seen.set(title, n);
      return [session.key, n > 1 ? `${title} ${n}` : title];
    }),
  );

  function onTabKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = sessions.findIndex((session) => session.key === activeKey);
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % sessions.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + sessions.length) % sessions.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = sessions.length - 1;
    else return;
    event.preventDefault();
    const target = sessions[next];
    if (!target) return;
    setActiveKey(target.key);
    tabs.current.get(target.key)?.focus();
  }

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-center gap-1 border-b border-line bg-subtle px-3 pt-1.5">
        <div
          role="tablist"
          aria-label="Terminals"
          onKeyDown={onTabKeyDown}
          className="flex min-w-0 gap-0.5 overflow-x-auto"
        >
          {sessions.map((session) => {
            const selected = session.key === activeKey;
            return (
              <div
                key={session.key}
                role="presentation"
                className={cn(
                  'group flex shrink-0 items-center rounded-t-md border border-b-0 text-[12.5px]',
                  selected
                    ? 'border-line bg-panel text-fg'
                    : 'border-transparent text-muted hover:bg-hover hover:text-fg',
                )}
              >
                <button
                  ref={(node) => {
                    if (node) tabs.current.set(session.key, node);
                    else tabs.current.delete(session.key);
                  }}
                  type="button"
                  role="tab"
                  id={`${baseId}-tab-${session.key}`}
                  aria-selected={selected}
                  aria-controls={`${baseId}-panel-${session.key}`}
                  tabIndex={selected ? 0 : -1}
                  onClick={() => setActiveKey(session.key)}
                  onAuxClick={(event) => {
                    if (event.button === 1) closeSession(session.key);
                  }}
                  className="py-1.5 pr-1 pl-3 font-mono whitespace-nowrap"
                >
                  {titles.get(session.key)}
                </button>
                {/* Mouse shortcut; the keyboard's way is the panel's Close terminal button. */}
                <span
                  aria-hidden
                  title="Close terminal"
                  onClick={() => closeSession(session.key)}
                  className="mr-1.5 ml-0.5 grid size-4 cursor-pointer place-items-center rounded text-faint opacity-60 group-hover:opacity-100 hover:bg-hover hover:text-fg"
                >
                  <X className="size-3" />
                </span>
              </div>
            );
          })}
        </div>
        <IconButton size="sm" aria-label="New terminal" className="mb-1" onClick={addSession}>
          <Plus className="size-4" aria-hidden />
        </IconButton>
      </div>
      {sessions.map((session) => {
        const selected = session.key === activeKey;
        const close = (
          <IconButton
            size="sm"
            aria-label="Close terminal"
            onClick={() => closeSession(session.key)}
          >
            <X className="size-4" aria-hidden />
          </IconButton>
        );
        return (
          <div
            key={session.key}
            role="tabpanel"
            id={`${baseId}-panel-${session.key}`}
            aria-labelledby={`${baseId}-tab-${session.key}`}
            hidden={!selected}
            className="min-h-0 flex-1 overflow-auto"
          >
            <PanelErrorBoundary title="This terminal failed">
              {session.target ? (
                <TerminalView
                  endpointId={endpointId}
                  containerId={inspect.Id}
                  containerName={name}
                  target={session.target}
                  active={selected}
                  actions={
                    <>
                      <Link
                        to="/endpoints/$endpointId/containers/$containerId/terminal"
                        params={{ endpointId, containerId: inspect.Id }}
                        search={searchFromTarget(session.target)}
                        target="_blank"
                        rel="noopener"
                        aria-label="Open in new window"
                        title="Open in new window (a new session)"
                        className="inline-flex size-7 items-center justify-center rounded-md text-muted transition-colors hover:bg-hover hover:text-fg"
                      >
                        <ExternalLink className="size-3.5" aria-hidden />
                      </Link>
                      {close}
                    </>
                  }
                />
              ) : (
                <div className="relative">
                  {sessions.length > 1 && <div className="absolute top-2 right-3">{close}</div>}
                  <ConnectForm
                    endpointId={endpointId}
                    inspect={inspect}
                    onConnect={(target) => connect(session.key, target)}
                  />
                </div>
              )}
            </PanelErrorBoundary>
          </div>
        );
      })}
    </div>
  );
}
