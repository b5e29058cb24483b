import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { ariaSort, SortButton } from './sort-button';
import type { SortDirection } from './sort-button';

export interface Column<T> {
  key: string;
  /** The column header; with `hideHeader` only screen readers get it (an actions column). */
  header: string;
  cell: (row: T) => ReactNode;
  /** Classes on the header and on every cell of the column (width, alignment). */
  className?: string;
  /** Classes on the body cells only (font, wrapping). */
  cellClassName?: string;
  hideHeader?: boolean;
  /** The header is a sort button when the table is given `sort` and `onSort`. */
  sortable?: boolean;
}

export type RowAttributes = HTMLAttributes<HTMLTableRowElement> &
  Record<`data-${string}`, string | undefined>;

export interface TableSort {
  key: string;
  direction: SortDirection;
}

const DENSITY = {
  /** A page's list: sticky header, a minimum width (the page scrolls sideways). */
  page: {
    head: 'sticky top-0 z-10 bg-subtle/95 backdrop-blur',
    th: 'h-9 px-4',
    row: 'border-b border-line/70 hover:bg-subtle',
    td: 'h-10 px-4 py-1.5',
  },
  /** A table inside a panel, box or dialog: no minimum width, no sticky header. */
  compact: {
    head: 'bg-subtle',
    th: 'h-8 px-4',
    row: 'border-b border-line/70 last:border-0 hover:bg-subtle',
    td: 'px-4 py-1.5',
  },
} as const;

/**
 * A plain, non-virtualised table for lists that stay small (images, networks, volumes, and the
 * tables inside panels and dialogs). Cells are vertically centred unless a row or column says
 * otherwise (`align-top`).
 */
export function SimpleTable<T>({
  label,
  columns,
  rows,
  rowKey,
  density = 'page',
  minWidth = 720,
  rowAttributes,
  sort,
  onSort,
}: {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  density?: keyof typeof DENSITY;
  /** The page density's minimum width in pixels. */
  minWidth?: number;
  /** Extra attributes per row (`data-*`, `className`, `aria-selected`). */
  rowAttributes?: (row: T) => RowAttributes;
  sort?: TableSort;
  onSort?: (key: string) => void;
}) {
  const style = DENSITY[density];
  return (
    <table
      aria-label={label}
      className="w-full text-left text-[13px]"
      style={density === 'page' ? { minWidth } : undefined}
    >
      <thead className={style.head}>
        <tr className="border-b border-line text-[12px] text-muted">
          {columns.map((column) => {
            const sorting = column.sortable && sort && onSort;
            const direction = sort?.key === column.key && sort.direction;
            return (
              <th
                key={column.key}
                scope="col"
                aria-sort={sorting ? ariaSort(direction || false) : undefined}
                className={cn(style.th, 'font-medium', column.className)}
              >
                {column.hideHeader ? (
                  <span className="sr-only">{column.header}</span>
                ) : sorting ? (
                  <SortButton direction={direction || false} onClick={() => onSort(column.key)}>
                    {column.header}
                  </SortButton>
                ) : (
                  column.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const attributes = rowAttributes?.(row);
          return (
            <tr
              key={rowKey(row, index)}
              {...attributes}
              className={cn(style.row, attributes?.className)}
            >
              {columns.map((column) => (
                <td
                  key={column.key}
                  className={cn(style.td, column.className, column.cellClassName)}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
