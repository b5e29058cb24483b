import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

export interface KeyValueItem {
  label: string;
  value: ReactNode;
  mono?: boolean;
}

/** A definition list of facts; empty values read as an em dash rather than disappearing. */
export function KeyValueList({ items, className }: { items: KeyValueItem[]; className?: string }) {
  return (
    <dl
      className={cn('grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-6 text-[13px]', className)}
    >
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="border-b border-line/60 py-2 text-muted">{item.label}</dt>
          <dd
            className={cn(
              'min-w-0 border-b border-line/60 py-2 break-words text-fg',
              item.mono && 'font-mono text-[12.5px]',
            )}
          >
            {item.value === '' || item.value === null || item.value === undefined ? (
              <span className="text-faint">—</span>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
