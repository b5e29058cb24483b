import { Tabs as TabsPrimitive } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

export interface TabItem<T extends string> {
  value: T;
  label: ReactNode;
}

/**
 * Tabs over Radix (WAI-ARIA tabs: arrows move and select, Home/End, only the active tab is in the
 * tab order). One panel shows the active tab's content (`children`).
 */
export function Tabs<T extends string>({
  items,
  value,
  onChange,
  label,
  children,
}: {
  items: TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
  label: string;
  children: ReactNode;
}) {
  return (
    <TabsPrimitive.Root
      value={value}
      onValueChange={(next) => {
        const item = items.find((candidate) => candidate.value === next);
        if (item) onChange(item.value);
      }}
      activationMode="automatic"
      className="flex min-h-0 flex-1 flex-col"
    >
      <TabsPrimitive.List aria-label={label} className="flex gap-1 border-b border-line px-6">
        {items.map((item) => (
          <TabsPrimitive.Trigger
            key={item.value}
            value={item.value}
            className={cn(
              '-mb-px border-b-2 px-2.5 py-2 text-[13px] font-medium transition-colors',
              'border-transparent text-muted hover:border-line-strong hover:text-fg',
              'data-[state=active]:border-accent data-[state=active]:text-fg',
            )}
          >
            {item.label}
          </TabsPrimitive.Trigger>
        ))}
      </TabsPrimitive.List>
      {/* Only the active panel is mounted: tab content (a terminal, a log stream) is costly. */}
      <TabsPrimitive.Content value={value} className="min-h-0 flex-1 focus-visible:outline-none">
        {children}
      </TabsPrimitive.Content>
    </TabsPrimitive.Root>
  );
}
