import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { parseContainersSearch } from '../components/filter-sort';
import type { ContainersSearch, SortKey, StateFilter } from '../components/filter-sort';

/**
 * The list's filters and sort, kept in the URL so a view can be shared and survives a visit to
 * a container. The filter text is also held locally so typing never waits for the router.
 */
export function useContainersSearch(endpointId: string) {
  const search = parseContainersSearch(useSearch({ strict: false }));
  const navigate = useNavigate();
  const [text, setTextState] = useState(search.q ?? '');
  const sortKey = search.sort ?? 'name';
  const sortDirection = search.dir ?? 'asc';

  function update(patch: ContainersSearch) {
    void navigate({
      to: '/endpoints/$endpointId/containers',
      params: { endpointId },
      search: parseContainersSearch({ ...search, ...patch }),
      replace: true,
    });
  }

  return {
    text,
    setText: (q: string) => {
      setTextState(q);
      update({ q });
    },
    state: search.state ?? ('all' as StateFilter),
    setState: (state: StateFilter) => update({ state }),
    showStopped: search.stopped ?? true,
    setShowStopped: (stopped: boolean) => update({ stopped }),
    sortKey,
    sortDirection,
    setSort: (key: SortKey, dir: 'asc' | 'desc') => update({ sort: key, dir }),
    clearFilters: () => {
      setTextState('');
      update({ q: '', state: 'all' });
    },
  };
}
