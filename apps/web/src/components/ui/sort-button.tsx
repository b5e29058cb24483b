import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

export type SortDirection = 'asc' | 'desc';

/** `aria-sort` of a sortable column header. */
export function ariaSort(direction: SortDirection | false): 'ascending' | 'descending' | 'none' {
  return direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
}

/** A sortable column's header: its name and an arrow for the current direction. */
export function SortButton({
  direction,
  onClick,
  children,
}: {
  direction: SortDirection | false;
  onClick: ((event: unknown) => void) | undefined;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={cn(
        '-mx-1 inline-flex max-w-full items-center gap-1 rounded px-1 py-0.5 hover:text-fg',
        direction && 'text-fg',
      )}
    >
      <span className="truncate">{children}</span>
      {direction === 'asc' ? (
        <ArrowUp className="size-3 shrink-0" aria-hidden />
      ) : direction === 'desc' ? (
        <ArrowDown className="size-3 shrink-0" aria-hidden />
      ) : (
        <ChevronsUpDown className="size-3 shrink-0 opacity-40" aria-hidden />
      )}
    </button>
  );
}
