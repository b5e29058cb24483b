import { useEffect, useMemo, useState } from 'react';
import { compileSearch, LogSearch } from '../utils/log-search';
import type { SearchQuery } from '../utils/log-search';
import type { LogStore } from '../utils/log-store';

export interface SearchState {
  /** The pattern to mark matches with, or null (no query, or a broken one). */
  highlight: RegExp | null;
  error: string | null;
  search: LogSearch | null;
  count: number;
  done: boolean;
}

/**
 * Runs the query over the store in the background (see LogSearch) and renders as the count
 * grows, at most once a frame.
 */
export function useLogSearch(store: LogStore, query: SearchQuery): SearchState {
  const compiled = useMemo(
    () => compileSearch(query),
    [query.text, query.regex, query.matchCase], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const [progress, setProgress] = useState({
    count: 0,
    done: false,
    search: null as LogSearch | null,
  });

  useEffect(() => {
    if (!compiled?.ok) return;
    let frame = 0;
    const search = new LogSearch(store, compiled.test, {
      onUpdate: () => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          setProgress({ count: search.count, done: search.done, search });
        });
      },
    });
    return () => {
      search.cancel();
      cancelAnimationFrame(frame);
      setProgress({ count: 0, done: false, search: null });
    };
  }, [store, compiled]);

  return {
    highlight: compiled?.ok ? compiled.highlight : null,
    error: compiled && !compiled.ok ? compiled.error : null,
    search: compiled?.ok ? progress.search : null,
    count: compiled?.ok ? progress.count : 0,
    done: compiled?.ok ? progress.done : true,
  };
}
