import { functionalUpdate, useTable } from '@tanstack/react-table';
import type { OnChangeFn, RowData, RowSelectionState, SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import { dataTableFeatures } from './features';
import type { DataColumn, DataColumnMeta, DataTableFeatures } from './features';
import { usePersistedLayout } from './use-persisted-layout';

export interface UseDataTableOptions<T extends RowData> {
  /** Names the table's saved layout (columns shown, widths, sort): `containers`, `images`. */
  id: string;
  columns: DataColumn<T>[];
  /** Must be stable between renders (a query's data, a memo). */
  data: T[];
  getRowId: (row: T) => string;
  /** Text typed in the page's filter box; searched in the columns marked `searchable`. */
  globalFilter?: string;
  /** Rows may be selected (checkbox column, Space, Shift-click ranges). */
  selectable?: boolean;
  /** Sort owned by the page (kept in the URL, say); otherwise the table keeps its own. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  defaultSorting?: SortingState;
  /**
   * The page hands `data` already in `sorting`'s order: the table shows the sort on its headers
   * but does not sort again (a page that filters sorted rows never re-sorts on a keystroke).
   */
  manualSorting?: boolean;
  /** Columns hidden until a person shows them. */
  defaultHidden?: string[];
}

const EMPTY_SORT: SortingState = [];

/**
 * Selected rows are read from the row models (`getFilteredSelectedRowModel`), so the id of a row
 * that left the data (a removed container) or the filter is never acted on.
 *
 * The table model of a list page: sorting, the page's filter, column visibility and widths
 * (saved per table), selection. The page reads counts and the selection from it; DataTable
 * renders it.
 */
export function useDataTable<T extends RowData>({
  id,
  columns,
  data,
  getRowId,
  globalFilter = '',
  selectable = false,
  sorting,
  onSortingChange,
  defaultSorting = EMPTY_SORT,
  manualSorting = false,
  defaultHidden = [],
}: UseDataTableOptions<T>) {
  const [layout, setLayout] = usePersistedLayout(id, {
    columnVisibility: Object.fromEntries(defaultHidden.map((column) => [column, false])),
    columnSizing: {},
    sorting: defaultSorting,
  });
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const sortingState = sorting ?? layout.sorting;

  const onSorting: OnChangeFn<SortingState> = (updater) => {
    const next = functionalUpdate(updater, sortingState);
    if (onSortingChange) onSortingChange(next);
    else setLayout((current) => ({ ...current, sorting: next }));
  };

  return useTable<DataTableFeatures, T>({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    state: {
      sorting: sortingState,
      globalFilter: globalFilter.trim(),
      columnVisibility: layout.columnVisibility,
      columnSizing: layout.columnSizing,
      rowSelection,
    },
    onSortingChange: onSorting,
    manualSorting,
    onColumnVisibilityChange: (updater) =>
      setLayout((current) => ({
        ...current,
        columnVisibility: functionalUpdate(updater, current.columnVisibility),
      })),
    onColumnSizingChange: (updater) =>
      setLayout((current) => ({
        ...current,
        columnSizing: functionalUpdate(updater, current.columnSizing),
      })),
    onRowSelectionChange: setRowSelection,
    enableRowSelection: selectable,
    columnResizeMode: 'onChange',
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: (column) =>
      (column.columnDef.meta as DataColumnMeta | undefined)?.searchable === true,
  });
}

export type DataTableInstance<T extends RowData> = ReturnType<typeof useDataTable<T>>;
