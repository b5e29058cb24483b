import {
  columnFilteringFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import type { ColumnDef, RowData } from '@tanstack/react-table';

/** What a column tells the table beyond TanStack's own definition. */
export interface DataColumnMeta {
  /** The column's name in the Columns menu (when the header is not plain text). */
  label?: string;
  /** Classes for the column's cells and header (alignment, mono font). */
  className?: string;
  /** The global filter looks in this column (string or number values). */
  searchable?: boolean;
}

/** Every Berth table has the same abilities; one stable features object for all of them. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: {
    alphanumeric: sortFn_alphanumeric,
    basic: sortFn_basic,
    datetime: sortFn_datetime,
    text: sortFn_text,
  },
  filterFns: { includesString: filterFn_includesString },
  columnMeta: {} as DataColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;

/** A column of a DataTable: TanStack's column definition, with Berth's meta. */
export type DataColumn<T extends RowData> = ColumnDef<DataTableFeatures, T>;
