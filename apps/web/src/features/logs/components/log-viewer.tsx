import { ArrowDownToLine, ChevronDown, ChevronUp, Download, Search } from 'lucide-react';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { TextInput } from '@/components/ui/input';
import { useTheme } from '@/hooks/use-theme';
import { cn } from '@/lib/cn';
import type { LogSession, SourceStatus } from '../api/log-session';
import { useLogSearch } from '../hooks/use-log-search';
import { useBackfill, useSourceStatuses, useStoreVersion } from '../hooks/use-log-session';
import type { LogPrefs } from '../hooks/use-log-prefs';
import { downloadLog, logFileParts } from '../utils/download';
import { BackfillBar } from './backfill-bar';
import { LogLine, SOURCE_COLOURS } from './log-line';
import { LogList } from './log-list';
import type { ScrollRequest } from './log-list';

const number = new Intl.NumberFormat();

function statusText(statuses: readonly SourceStatus[], names: string[]): string | null {
  const problems = statuses
    .map((status, i) => {
      const who = names.length > 1 ? `${names[i]}: ` : '';
      if (status.state === 'error' || status.state === 'lost') return `${who}${status.message}`;
      return null;
    })
    .filter(Boolean);
  return problems.length ? problems.join(' · ') : null;
}

function liveText(statuses: readonly SourceStatus[]): string {
  if (statuses.some((s) => s.state === 'connecting')) return 'Connecting…';
  if (statuses.some((s) => s.state === 'streaming')) return 'Live';
  return 'Stream ended';
}

/**
 * A log viewer over a session: follow with auto-scroll that pauses when the user scrolls up,
 * search (plain or regex) with next/previous, stdout/stderr and ANSI colours, timestamps and
 * wrapping, download. Used for one container and for several merged.
 */
export function LogViewer({
  session,
  prefs,
  onPrefs,
  downloadName,
  controls,
  label,
}: {
  session: LogSession;
  prefs: LogPrefs;
  onPrefs: (change: Partial<LogPrefs>) => void;
  downloadName: string;
  /** Range controls (tail, since, until) the owner puts in the toolbar. */
  controls?: ReactNode;
  label: string;
}) {
  const { store } = session;
  const version = useStoreVersion(session);
  const statuses = useSourceStatuses(session);
  const backfill = useBackfill(session);
  const { theme } = useTheme();
  const names = session.sources.map((s) => s.name);

  const [follow, setFollow] = useState(true);
  const [text, setText] = useState('');
  const [regex, setRegex] = useState(false);
  const [matchCase, setMatchCase] = useState(false);
  const deferredText = useDeferredValue(text);
  const search = useLogSearch(store, { text: deferredText, regex, matchCase });
  /** The current match by sequence number, for the search it was chosen in. */
  const [chosen, setChosen] = useState<{ search: unknown; seq: number }>({ search: null, seq: -1 });
  // A new query starts without a chosen match.
  const currentSeq = chosen.search === search.search ? chosen.seq : -1;
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const current = search.search && currentSeq >= 0 ? search.search.indexAtOrAfter(currentSeq) : -1;
  const currentValid = current >= 0 && search.search?.seqAt(current) === currentSeq;

  function go(direction: 1 | -1) {
    const s = search.search;
    if (!s || s.count === 0) return;
    let k: number;
    if (currentSeq < 0) {
      k = direction === 1 ? 0 : s.count - 1;
    } else {
      const at = s.indexAtOrAfter(currentSeq + (direction === 1 ? 1 : 0));
      k = direction === 1 ? (at === -1 ? 0 : at) : (at === -1 ? s.count : at) - 1;
      if (k < 0) k = s.count - 1;
    }
    const seq = s.seqAt(k);
    setChosen({ search: s, seq });
    setFollow(false);
    setScrollRequest({ index: store.indexOfSeq(seq), nonce: Date.now() });
  }

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      go(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      setText('');
    }
  }

  // Ctrl+F / Cmd+F inside the viewer goes to its own search (a million lines are not in the DOM).
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, []);

  const merged = session.merged;
  const renderLine = (index: number) => {
    const seq = store.seqOf(index);
    const source = store.sourceAt(index);
    return (
      <LogLine
        key={seq}
        text={store.textAt(index)}
        stream={store.streamAt(index)}
        time={store.timeAt(index)}
        source={
          merged
            ? {
                name: names[source] ?? '?',
                colour: SOURCE_COLOURS[source % SOURCE_COLOURS.length] ?? 'var(--berth-accent)',
              }
            : undefined
        }
        showTimestamp={prefs.timestamps}
        wrap={prefs.wrap}
        highlight={search.highlight}
        current={currentValid && seq === currentSeq}
        theme={theme}
      />
    );
  };

  const problem = statusText(statuses, names);
  const matchStatus = search.error
    ? 'Invalid pattern'
    : !search.highlight
      ? ''
      : !search.done && search.count === 0
        ? 'Searching…'
        : search.count === 0
          ? 'No matches'
          : currentValid
            ? `${number.format(current + 1)} of ${number.format(search.count)}${search.done ? '' : '…'}`
            : `${number.format(search.count)} match${search.count === 1 ? '' : 'es'}${search.done ? '' : '…'}`;

  return (
    <div ref={rootRef} className="flex h-full min-h-0 flex-col">
      <div className="flex flex-col gap-2 border-b border-line px-4 py-2.5">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <div className="flex items-center gap-1">
            <div className="relative">
              <Search
                className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-faint"
                aria-hidden
              />
              <TextInput
                ref={searchRef}
                type="search"
                aria-label="Search logs"
                aria-invalid={search.error ? true : undefined}
                aria-describedby="log-search-status"
                placeholder={regex ? 'Regular expression' : 'Search logs'}
                value={text}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={onSearchKey}
                className={cn('w-64 pl-8 font-mono text-[12.5px]', search.error && 'border-danger')}
              />
            </div>
            <IconButton
              aria-label="Previous match"
              size="sm"
              disabled={!search.count}
              onClick={() => go(-1)}
            >
              <ChevronUp className="size-4" aria-hidden />
            </IconButton>
            <IconButton
              aria-label="Next match"
              size="sm"
              disabled={!search.count}
              onClick={() => go(1)}
            >
              <ChevronDown className="size-4" aria-hidden />
            </IconButton>
            <span
              id="log-search-status"
              role="status"
              data-testid="log-search-status"
              className={cn(
                'min-w-20 text-[12px] tabular-nums',
                search.error ? 'text-danger' : 'text-muted',
              )}
              title={search.error ?? undefined}
            >
              {matchStatus}
            </span>
          </div>
          <CheckboxField
            label="Regex"
            checked={regex}
            onChange={(e) => setRegex(e.target.checked)}
          />
          <CheckboxField
            label="Match case"
            checked={matchCase}
            onChange={(e) => setMatchCase(e.target.checked)}
          />
          <span className="mx-1 h-5 w-px bg-line" aria-hidden />
          <CheckboxField
            label="Follow"
            checked={follow}
            onChange={(e) => setFollow(e.target.checked)}
          />
          <CheckboxField
            label="Timestamps"
            checked={prefs.timestamps}
            onChange={(e) => onPrefs({ timestamps: e.target.checked })}
          />
          <CheckboxField
            label="Wrap lines"
            checked={prefs.wrap}
            onChange={(e) => onPrefs({ wrap: e.target.checked })}
          />
          <div className="ml-auto">
            <Button
              size="sm"
              variant="ghost"
              icon={<Download className="size-3.5" aria-hidden />}
              disabled={store.length === 0}
              onClick={() =>
                downloadLog(
                  logFileParts(store, { timestamps: prefs.timestamps, sourceNames: names }),
                  downloadName,
                )
              }
            >
              Download logs
            </Button>
          </div>
        </div>
        {controls}
      </div>
      {problem && (
        <div
          role="alert"
          className="border-b border-red-500/25 bg-danger-soft px-4 py-2 text-[12.5px] text-red-800 dark:text-red-300"
        >
          {problem}
        </div>
      )}
      <BackfillBar backfill={backfill} onStop={() => session.stopBackfill()} />
      <div className="relative flex min-h-0 flex-1 flex-col">
        {store.length === 0 ? (
          <div
            className="flex flex-1 items-center justify-center text-[13px] text-muted"
            role="status"
          >
            {statuses.some((s) => s.state === 'connecting')
              ? 'Reading logs…'
              : problem
                ? 'No log lines.'
                : statuses.some((s) => s.state === 'streaming')
                  ? 'No log lines yet. New ones appear here as the container writes them.'
                  : 'No log lines in this range.'}
          </div>
        ) : (
          <LogList
            store={store}
            version={version}
            follow={follow}
            onFollowChange={setFollow}
            scrollRequest={scrollRequest}
            renderLine={renderLine}
            label={label}
            wrap={prefs.wrap}
          />
        )}
        {!follow && store.length > 0 && (
          <Button
            size="sm"
            variant="primary"
            className="absolute right-6 bottom-4 shadow-md"
            icon={<ArrowDownToLine className="size-3.5" aria-hidden />}
            onClick={() => setFollow(true)}
          >
            Jump to latest
          </Button>
        )}
      </div>
      <div className="flex items-center gap-3 border-t border-line px-4 py-1.5 text-[12px] text-muted">
        <span className="flex items-center gap-1.5">
          <span
            aria-hidden
            className={cn(
              'size-1.5 rounded-full',
              liveText(statuses) === 'Live' ? 'bg-emerald-500' : 'bg-zinc-400',
            )}
          />
          {liveText(statuses)}
        </span>
        <span className="tabular-nums" data-testid="log-line-count">
          {number.format(store.length)} line{store.length === 1 ? '' : 's'}
          {store.dropped > 0 &&
            ` (the oldest ${number.format(store.dropped)} dropped: limit ${number.format(store.capacity)})`}
        </span>
        {merged && (
          <span className="ml-auto flex flex-wrap gap-3">
            {names.map((name, i) => (
              <span key={`${name}-${i}`} className="flex items-center gap-1.5">
                <span
                  aria-hidden
                  className="size-2 rounded-full"
                  style={{ background: SOURCE_COLOURS[i % SOURCE_COLOURS.length] }}
                />
                {name}
              </span>
            ))}
          </span>
        )}
      </div>
    </div>
  );
}
