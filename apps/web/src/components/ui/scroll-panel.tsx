import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/**
 * A panel that scrolls on its own. It takes the focus (tab stop) so a keyboard user can scroll it
 * with the arrow keys even when it holds no control (an overview, a JSON view).
 */
export function ScrollPanel({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div
      tabIndex={0}
      className={cn(
        'h-full overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-accent/40 focus-visible:ring-inset',
        className,
      )}
    >
      {children}
    </div>
  );
}
