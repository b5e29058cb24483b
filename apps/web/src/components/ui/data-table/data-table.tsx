import type { Header, Row, RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Checkbox } from '../checkbox';
import { ariaSort, SortButton } from '../sort-button';
import type { DataColumnMeta, DataTableFeatures } from './features';
import type { DataTableInstance } from './use-data-table';

const SELECT_COLUMN_WIDTH = 44;
const PAGE_STEP = 10;

export interface DataTableProps<T extends RowData> {
  table: DataTableInstance<T>;
  /** The table's accessible name ("Containers"). */
  label: string;
  /** What one row is called in the select checkboxes ("Select web-1"). */
  rowName: (row: T) => string;
  /** Fixed row height: rows are virtualised, so thousands stay smooth. */
  rowHeight?: number;
  /** Enter on a focused row (open its page). */
  onRowOpen?: (row: T) => void;
  /** Extra attributes per row (`data-state` for tests and styling). */
  rowAttributes?: (
    row: T,
  ) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  /** Changes when the view does (filter, sort): the list then starts from the top. */
  resetScrollKey?: string;
}

function metaOf(meta: unknown): DataColumnMeta {
  return (meta ?? {}) as DataColumnMeta;
}

/**
 * One table for every list in Berth, over TanStack Table and TanStack Virtual: a real <table>
 * (screen readers get rows and columns), sticky header, sortable and resizable columns, a
 * checkbox column when rows are selectable, and the keyboard of a grid of rows: arrows,
 * Page Up/Down, Home/End move; Enter opens; Space selects.
 */
export function DataTable<T extends RowData>({
  table,
  label,
  rowName,
  rowHeight = 40,
  onRowOpen,
  rowAttributes,
  resetScrollKey,
}: DataTableProps<T>) {
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const selectable = table.options.enableRowSelection === true;

  // Whether the list is scrolled at all, kept from scroll events: resetting an unscrolled list
  // must not write scrollTop, which makes the browser lay the page out there and then, on every
  // keystroke in a filter box (a third of a keystroke's work at 5,000 rows, measured).
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current && scrollRef.current) scrollRef.current.scrollTop = 0;
    setActiveIndex(0);
  }, [resetScrollKey]);

  // TanStack Virtual hands back fresh functions each render; the compiler must not memoise them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const active = Math.min(activeIndex, Math.max(0, rows.length - 1));

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus();
    }
  });

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const rowElement = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    // Keys inside a cell's own control (a link, a checkbox) belong to that control.
    if (!rowElement || rowElement !== event.target) return;
    const index = Number(rowElement.dataset.index);
    const row = rows[index];
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_STEP,
      PageUp: index - PAGE_STEP,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key] ?? index);
    } else if (event.key === 'Enter' && row && onRowOpen) {
      event.preventDefault();
      onRowOpen(row.original);
    } else if (event.key === ' ' && row && selectable) {
      event.preventDefault();
      row.toggleSelected();
    }
  }

  const visibleColumns = table.getVisibleLeafColumns();
  const totalWidth = table.getTotalSize() + (selectable ? SELECT_COLUMN_WIDTH : 0);
  const columnCount = visibleColumns.length + (selectable ? 1 : 0);
  const filtered = table.getFilteredRowModel().rows;
  const selectedVisible = table.getFilteredSelectedRowModel().rows.length;

  return (
    <div
      ref={scrollRef}
      onScroll={(event) => {
        scrolled.current = event.currentTarget.scrollTop > 0;
      }}
      className="min-h-0 flex-1 overflow-auto"
      data-testid={`${label.toLowerCase().replace(/\s+/g, '-')}-scroll`}
    >
      <table
        aria-label={label}
        aria-rowcount={rows.length + 1}
        style={{ width: totalWidth, minWidth: '100%' }}
        className="table-fixed border-separate border-spacing-0 text-left text-[13px]"
      >
        <colgroup>
          {selectable && <col style={{ width: SELECT_COLUMN_WIDTH }} />}
          {visibleColumns.map((column) => (
            <col key={column.id} style={{ width: column.getSize() }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {selectable && (
                <th scope="col" className={headerCellClass}>
                  <span className="flex justify-center">
                    <Checkbox
                      aria-label={`Select all ${label.toLowerCase()}`}
                      checked={filtered.length > 0 && selectedVisible === filtered.length}
                      indeterminate={selectedVisible > 0 && selectedVisible < filtered.length}
                      disabled={filtered.length === 0}
                      onChange={() =>
                        table.setRowSelection(
                          selectedVisible === filtered.length
                            ? {}
                            : Object.fromEntries(filtered.map((row) => [row.id, true])),
                        )
                      }
                    />
                  </span>
                </th>
              )}
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header}>
                  <table.FlexRender header={header} />
                </HeaderCell>
              ))}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef} onKeyDown={onKeyDown}>
          {paddingTop > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <BodyRow
                key={row.id}
                row={row}
                index={item.index}
                height={rowHeight}
                active={item.index === active}
                selectable={selectable}
                rowName={rowName}
                attributes={rowAttributes?.(row.original)}
                onFocus={() => setActiveIndex(item.index)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cn(
                      'overflow-hidden border-b border-line/70 px-3 align-middle',
                      metaOf(cell.column.columnDef.meta).className,
                    )}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </BodyRow>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const headerCellClass =
  'relative h-9 border-b border-line bg-subtle/95 px-3 text-[12px] font-medium whitespace-nowrap text-muted backdrop-blur';

function HeaderCell<T extends RowData>({
  header,
  children,
}: {
  header: Header<DataTableFeatures, T, unknown>;
  children: ReactNode;
}) {
  const column = header.column;
  const meta = metaOf(column.columnDef.meta);
  const name =
    meta.label ??
    (typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id);
  const sorted = column.getIsSorted();
  const canSort = column.getCanSort();
  return (
    <th
      scope="col"
      aria-sort={canSort ? ariaSort(sorted) : undefined}
      className={cn(headerCellClass, meta.className)}
    >
      {canSort ? (
        <SortButton direction={sorted} onClick={column.getToggleSortingHandler()}>
          {children}
        </SortButton>
      ) : (
        <span className="block truncate">{children}</span>
      )}
      {column.getCanResize() && (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={`Resize ${name}`}
          aria-valuenow={header.getSize()}
          tabIndex={-1}
          onMouseDown={header.getResizeHandler()}
          onTouchStart={header.getResizeHandler()}
          onDoubleClick={() => column.resetSize()}
          className={cn(
            'absolute top-1.5 right-0 bottom-1.5 w-1.5 cursor-col-resize touch-none rounded-sm select-none hover:bg-accent/40',
            column.getIsResizing() && 'bg-accent',
          )}
        />
      )}
    </th>
  );
}

function BodyRow<T extends RowData>({
  row,
  index,
  height,
  active,
  selectable,
  rowName,
  attributes,
  onFocus,
  children,
}: {
  row: Row<DataTableFeatures, T>;
  index: number;
  height: number;
  active: boolean;
  selectable: boolean;
  rowName: (row: T) => string;
  attributes?: HTMLAttributes<HTMLTableRowElement>;
  onFocus: () => void;
  children: ReactNode;
}) {
  const selected = selectable && row.getIsSelected();
  return (
    <tr
      {...attributes}
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={selectable ? selected : undefined}
      tabIndex={active ? 0 : -1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus();
      }}
      style={{ height }}
      className={cn(
        'transition-colors outline-none focus-visible:bg-accent-soft focus-visible:shadow-[inset_2px_0_0_var(--berth-accent)]',
        selected ? 'bg-accent-soft' : 'hover:bg-subtle',
      )}
    >
      {selectable && (
        <td className="border-b border-line/70 text-center align-middle">
          <Checkbox
            aria-label={`Select ${rowName(row.original)}`}
            checked={selected}
            // Click, not change: Shift-click selects the range since the last click.
            onClick={row.getToggleSelectedHandler()}
            onChange={() => undefined}
          />
        </td>
      )}
      {children}
    </tr>
  );
}
