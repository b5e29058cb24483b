import { ALargeSmall, RotateCw, Search, Unplug } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { useTheme } from '@/hooks/use-theme';
import { cn } from '@/lib/cn';
import { TerminalConnection } from '../api/terminal-connection';
import type { TerminalOutcome } from '../api/terminal-connection';
import { targetCommandLine, terminalSocketUrl } from '../api/terminal-target';
import type { TerminalTarget } from '../api/terminal-target';
import { FONT_SIZES, useTerminalFontSize } from '../hooks/use-terminal-prefs';
import { useXterm } from '../hooks/use-xterm';
import { terminalTheme } from '../utils/terminal-theme';
import { TerminalSearch } from './terminal-search';

type Phase =
  { phase: 'connecting' } | { phase: 'open' } | { phase: 'ended'; outcome: TerminalOutcome };

export interface TerminalViewProps {
  endpointId: string;
  containerId: string;
  /** For the terminal's accessible name: `Terminal: web1 /bin/sh`. */
  containerName: string;
  target: TerminalTarget;
  /** False while the panel is hidden behind another tab: it keeps running, unfocused. */
  active?: boolean;
  /** Shown first in the toolbar (the full-window route's container name). */
  leading?: ReactNode;
  /** Extra toolbar controls (open in a new window, close). */
  actions?: ReactNode;
  className?: string;
}

/**
 * One live terminal: xterm.js bridged to the gateway's exec or attach websocket. It shows how the
 * session ended (exit code, the engine's refusal, a dropped connection) and offers to reconnect.
 */
export function TerminalView({
  endpointId,
  containerId,
  containerName,
  target,
  active = true,
  leading,
  actions,
  className,
}: TerminalViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const { theme } = useTheme();
  const [fontSize, setFontSize] = useTerminalFontSize();
  const [searchOpen, setSearchOpen] = useState(false);
  const openSearch = useCallback(() => setSearchOpen(true), []);
  const xterm = useXterm(host, { fontSize, theme, onSearchShortcut: openSearch });
  const [state, setState] = useState<Phase>({ phase: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  const connection = useRef<TerminalConnection | null>(null);
  const targetKey = JSON.stringify(target);

  useEffect(() => {
    if (!xterm) return;
    const { term } = xterm;
    xterm.fit();
    const connectTarget = JSON.parse(targetKey) as TerminalTarget;
    const conn = new TerminalConnection({
      url: terminalSocketUrl(endpointId, containerId, connectTarget, {
        cols: term.cols,
        rows: term.rows,
      }),
      sink: { write: (data, done) => term.write(data, done) },
      onOpen: () => {
        // The size may have changed while the socket opened.
        conn.resize(term.cols, term.rows);
        setState({ phase: 'open' });
      },
      onEnd: (outcome) => setState({ phase: 'ended', outcome }),
    });
    conn.assumeSize(term.cols, term.rows);
    connection.current = conn;
    const subscriptions = [
      term.onData((data) => conn.sendText(data)),
      term.onBinary((data) => conn.sendBinary(data)),
      term.onResize(({ cols, rows }) => conn.resize(cols, rows)),
    ];
    return () => {
      for (const subscription of subscriptions) subscription.dispose();
      conn.close();
      if (connection.current === conn) connection.current = null;
    };
  }, [xterm, endpointId, containerId, targetKey, attempt]);

  // Shown again (its tab picked): fit to the panel, which may have changed while hidden, and focus.
  useEffect(() => {
    if (!active || !xterm) return;
    xterm.fit();
    xterm.term.focus();
  }, [active, xterm]);

  function reconnect() {
    if (!xterm) return;
    const { term } = xterm;
    // A full-screen program (vi, top) left the alternate screen on: start clean. Otherwise keep
    // the old output and mark where the new session begins.
    if (term.buffer.active.type === 'alternate') term.reset();
    else term.write('\x1b[0m\r\n\x1b[2m── reconnecting ──\x1b[0m\r\n');
    setState({ phase: 'connecting' });
    setAttempt((n) => n + 1);
    term.focus();
  }

  function closeSearch() {
    setSearchOpen(false);
    xterm?.term.focus();
  }

  const label = `Terminal: ${containerName} ${targetCommandLine(target)}`;
  const ended = state.phase === 'ended' ? state.outcome : null;

  return (
    <div className={cn('flex h-full min-h-0 flex-col', className)}>
      <div
        role="toolbar"
        aria-label="Terminal controls"
        className="flex flex-wrap items-center gap-2 border-b border-line bg-panel px-3 py-1.5"
      >
        {leading}
        <ConnectionStatus state={state} />
        <span className="truncate font-mono text-[12px] text-muted" title={label}>
          {target.mode === 'exec'
            ? [
                targetCommandLine(target),
                target.user && `as ${target.user}`,
                target.workdir && `in ${target.workdir}`,
              ]
                .filter(Boolean)
                .join(' ')
            : `attached to the main process${target.logs ? ' (with logs)' : ''}`}
        </span>
        {target.mode === 'attach' && state.phase === 'open' && (
          <span className="text-[12px] text-faint">
            Detach keys: <kbd className="font-mono">Ctrl-P</kbd>{' '}
            <kbd className="font-mono">Ctrl-Q</kbd>
          </span>
        )}
        <div className="ml-auto flex items-center gap-1">
          {target.mode === 'attach' && state.phase === 'open' && (
            <Button
              size="sm"
              variant="ghost"
              icon={<Unplug className="size-3.5" aria-hidden />}
              onClick={() => connection.current?.close()}
              title="Close the connection; the container keeps running"
            >
              Detach
            </Button>
          )}
          <IconButton
            size="sm"
            aria-label="Search terminal"
            title="Search terminal (Ctrl+Shift+F)"
            aria-expanded={searchOpen}
            onClick={() => (searchOpen ? closeSearch() : openSearch())}
          >
            <Search className="size-3.5" aria-hidden />
          </IconButton>
          <label className="flex items-center gap-1 text-muted" title="Font size">
            <ALargeSmall className="size-4" aria-hidden />
            <Select
              aria-label="Font size"
              className="h-7 w-20 pl-2 text-[12px] tabular-nums"
              value={fontSize}
              onChange={(event) => setFontSize(Number(event.target.value))}
            >
              {FONT_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </Select>
          </label>
          {actions}
        </div>
      </div>
      {searchOpen && xterm && (
        <TerminalSearch search={xterm.search} theme={theme} onClose={closeSearch} />
      )}
      <div
        className="relative min-h-0 flex-1 py-1.5 pl-2"
        style={{ background: terminalTheme(theme).background }}
      >
        <div ref={host} role="region" aria-label={label} className="h-full w-full" />
      </div>
      {ended && <EndBar outcome={ended} target={target} onReconnect={reconnect} />}
    </div>
  );
}

function ConnectionStatus({ state }: { state: Phase }) {
  const [dot, text] =
    state.phase === 'connecting'
      ? [null, 'Connecting…']
      : state.phase === 'open'
        ? ['bg-emerald-500', 'Connected']
        : state.outcome.kind === 'exit'
          ? ['bg-faint', 'Exited']
          : state.outcome.kind === 'closed' || state.outcome.kind === 'ended'
            ? ['bg-faint', 'Disconnected']
            : ['bg-danger', 'Not connected'];
  return (
    <span className="flex shrink-0 items-center gap-1.5 text-[12px] font-medium text-fg">
      {dot ? (
        <span className={cn('size-2 rounded-full', dot)} aria-hidden />
      ) : (
        <Spinner className="size-3" />
      )}
      {text}
    </span>
  );
}

function EndBar({
  outcome,
  target,
  onReconnect,
}: {
  outcome: TerminalOutcome;
  target: TerminalTarget;
  onReconnect: () => void;
}) {
  const attach = target.mode === 'attach';
  let title: string;
  let detail: string | null = null;
  let tone: 'info' | 'error' = 'info';
  switch (outcome.kind) {
    case 'exit':
      title =
        outcome.exitCode === null
          ? 'Process exited'
          : `Process exited with code ${outcome.exitCode}`;
      if (attach) detail = 'The container’s main process ended, so the container stopped.';
      break;
    case 'error':
      title =
        outcome.exitCode === undefined || outcome.exitCode === null
          ? 'Could not open the terminal'
          : `Could not open the terminal (exit code ${outcome.exitCode})`;
      detail = outcome.message;
      tone = 'error';
      break;
    case 'closed':
    case 'ended':
      title = attach ? 'Detached' : 'Disconnected';
      detail = attach ? 'The container keeps running.' : null;
      break;
    case 'lost':
      tone = 'error';
      if (outcome.opened) {
        title = 'Connection lost';
        detail = 'The connection to the gateway dropped.';
      } else {
        title = 'Could not connect';
        detail =
          'The gateway could not be reached or refused the connection (is your session still valid?).';
      }
      break;
  }
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn(
        'flex flex-wrap items-center gap-x-3 gap-y-1 border-t px-3 py-2 text-[12.5px]',
        tone === 'error'
          ? 'border-red-500/30 bg-danger-soft text-red-800 dark:text-red-300'
          : 'border-line bg-subtle text-fg',
      )}
    >
      <span className="font-medium">{title}</span>
      {detail && (
        <span className="min-w-0 font-mono text-[12px] break-words opacity-85">{detail}</span>
      )}
      <Button
        size="sm"
        className="ml-auto"
        icon={<RotateCw className="size-3.5" aria-hidden />}
        onClick={onReconnect}
      >
        Reconnect
      </Button>
    </div>
  );
}
