import type { SearchAddon } from '@xterm/addon-search';
import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { IconButton } from '@/components/ui/button';
import { TextInput } from '@/components/ui/input';
import type { Theme } from '@/lib/theme';
import { searchDecorations } from '../utils/terminal-theme';

/** Find in the terminal's output and scrollback: Enter for the next match, Shift+Enter before. */
export function TerminalSearch({
  search,
  theme,
  onClose,
}: {
  search: SearchAddon;
  theme: Theme;
  onClose: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [term, setTerm] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [results, setResults] = useState<{ index: number; count: number } | null>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  useEffect(() => {
    const subscription = search.onDidChangeResults(({ resultIndex, resultCount }) =>
      setResults({ index: resultIndex, count: resultCount }),
    );
    return () => {
      subscription.dispose();
      search.clearDecorations();
    };
  }, [search]);

  const options = (incremental: boolean) => ({
    caseSensitive,
    incremental,
    decorations: searchDecorations(theme),
  });

  function find(direction: 'next' | 'previous', text = term, incremental = false) {
    if (!text) {
      search.clearDecorations();
      setResults(null);
      return;
    }
    if (direction === 'next') search.findNext(text, options(incremental));
    else search.findPrevious(text, options(incremental));
  }

  const summary =
    !term || !results
      ? ''
      : results.count === 0
        ? 'No matches'
        : results.index < 0
          ? `${results.count}+ matches`
          : `${results.index + 1} of ${results.count}`;

  return (
    <search
      className="flex items-center gap-1 border-b border-line bg-panel px-2 py-1.5"
      aria-label="Search the terminal"
    >
      <TextInput
        ref={input}
        type="search"
        aria-label="Search terminal"
        placeholder="Find in terminal"
        value={term}
        className="h-7 w-56"
        onChange={(event) => {
          setTerm(event.target.value);
          find('next', event.target.value, true);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            find(event.shiftKey ? 'previous' : 'next');
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <label className="ml-1 flex items-center gap-1 text-[12px] text-muted select-none">
        <input
          type="checkbox"
          className="accent-[var(--berth-accent)]"
          checked={caseSensitive}
          onChange={(event) => setCaseSensitive(event.target.checked)}
        />
        Match case
      </label>
      <span className="min-w-20 px-2 text-[12px] text-muted tabular-nums" aria-live="polite">
        {summary}
      </span>
      <IconButton size="sm" aria-label="Previous match" onClick={() => find('previous')}>
        <ChevronUp className="size-4" aria-hidden />
      </IconButton>
      <IconButton size="sm" aria-label="Next match" onClick={() => find('next')}>
        <ChevronDown className="size-4" aria-hidden />
      </IconButton>
      <IconButton size="sm" aria-label="Close search" onClick={onClose}>
        <X className="size-4" aria-hidden />
      </IconButton>
    </search>
  );
}
