import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** A plain, non-virtualised table for lists that stay small (images, networks, volumes). */
export function SimpleTable<T>({
  label,
  columns,
  rows,
  rowKey,
}: {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  return (
    <table aria-label={label} className="w-full min-w-[720px] text-left text-[13px]">
      <thead className="sticky top-0 z-10 bg-subtle/95 backdrop-blur">
        <tr className="border-b border-line text-[12px] text-muted">
          {columns.map((column) => (
            <th
              key={column.key}
              scope="col"
              className={cn('h-9 px-4 font-medium', column.className)}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-line/70 hover:bg-subtle">
            {columns.map((column) => (
              <td
                key={column.key}
                className={cn('h-10 px-4 py-1.5 align-middle', column.className)}
              >
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
