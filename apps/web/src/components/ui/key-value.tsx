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
    <dl className={cn('text-[13px]', className)}>
      {items.map((item) => (
        <div
          key={item.label}
          className="flex items-baseline gap-4 border-b border-line/60 py-2 last:border-0"
        >
          <dt className="w-40 shrink-0 text-muted">{item.label}</dt>
          <dd
            className={cn(
              'min-w-0 flex-1 break-words text-fg',
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
