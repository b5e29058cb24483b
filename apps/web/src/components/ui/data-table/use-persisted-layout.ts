import { useEffect, useState } from 'react';
import type { ColumnSizingState, ColumnVisibilityState, SortingState } from '@tanstack/react-table';

export interface TableLayout {
  columnVisibility: ColumnVisibilityState;
  columnSizing: ColumnSizingState;
  sorting: SortingState;
}

const storageKey = (tableId: string) => `berth.table.${tableId}`;

function read(tableId: string, fallback: TableLayout): TableLayout {
  try {
    const saved = JSON.parse(
      localStorage.getItem(storageKey(tableId)) ?? 'null',
    ) as Partial<TableLayout> | null;
    return {
      columnVisibility: saved?.columnVisibility ?? fallback.columnVisibility,
      columnSizing: saved?.columnSizing ?? fallback.columnSizing,
      sorting: saved?.sorting ?? fallback.sorting,
    };
  } catch {
    // Unreadable (private mode, a bad value): start from the defaults.
    return fallback;
  }
}

/**
 * Which columns a table shows, their widths and its sort, kept per table in localStorage, so a
 * person's layout survives a reload and is the same on every visit.
 */
export function usePersistedLayout(tableId: string, fallback: TableLayout) {
  const [layout, setLayout] = useState(() => read(tableId, fallback));
  useEffect(() => {
    try {
      localStorage.setItem(storageKey(tableId), JSON.stringify(layout));
    } catch {
      // Storage full or blocked: the layout lasts for this visit only.
    }
  }, [tableId, layout]);
  return [layout, setLayout] as const;
}
