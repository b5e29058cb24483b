import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { parseContainersSearch } from '../components/filter-sort';
import type { ContainersSearch, SortKey, StateFilter } from '../components/filter-sort';

/**
 * How long the filter text waits before it is written to the URL. Each write is a
 * `history.replaceState` and a router update: at 5,000 rows that was a sixth of a keystroke's
 * work (measured), for a URL nobody reads while typing.
 */
const URL_WRITE_DELAY_MS = 300;

/**
 * The list's filters and sort, kept in the URL so a view can be shared and survives a visit to
 * a container. The filter text is held locally, so the list follows every keystroke, and reaches
 * the URL once typing pauses.
 */
export function useContainersSearch(endpointId: string) {
  const search = parseContainersSearch(useSearch({ strict: false }));
  const navigate = useNavigate();
  const router = useRouter();
  const [text, setTextState] = useState(search.q ?? '');
  const pendingText = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sortKey = search.sort ?? 'name';
  const sortDirection = search.dir ?? 'asc';

  useEffect(() => () => clearTimeout(pendingText.current), []);

  function update(patch: ContainersSearch) {
    void navigate({
      to: '/endpoints/$endpointId/containers',
      params: { endpointId },
      search: parseContainersSearch({ ...search, ...patch }),
      replace: true,
    });
  }

  /** Writes now, and with the text typed so far: no pending write can undo this one later. */
  function updateNow(patch: ContainersSearch) {
    clearTimeout(pendingText.current);
    update({ q: text, ...patch });
  }

  return {
    text,
    setText: (q: string) => {
      setTextState(q);
      clearTimeout(pendingText.current);
      const listPath = router.latestLocation.pathname;
      pendingText.current = setTimeout(() => {
        // A person who typed and at once opened a container has left: writing the list's URL
        // now would take them back to it (the list stays mounted while the next page loads).
        if (router.latestLocation.pathname === listPath) update({ q });
      }, URL_WRITE_DELAY_MS);
    },
    state: search.state ?? ('all' as StateFilter),
    setState: (state: StateFilter) => updateNow({ state }),
    showStopped: search.stopped ?? true,
    setShowStopped: (stopped: boolean) => updateNow({ stopped }),
    sortKey,
    sortDirection,
    setSort: (key: SortKey, dir: 'asc' | 'desc') => updateNow({ sort: key, dir }),
    clearFilters: () => {
      setTextState('');
      updateNow({ q: '', state: 'all' });
    },
  };
}
