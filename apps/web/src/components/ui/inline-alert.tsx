import { AlertTriangle, Info } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

const TONES = {
  error: 'border-red-500/30 bg-danger-soft text-red-800 dark:text-red-300',
  warning: 'border-amber-500/35 bg-amber-500/10 text-amber-900 dark:text-amber-200',
  info: 'border-line bg-subtle text-muted',
};

/**
 * A message inside a form or panel. Errors are `alert`s (read out when they appear); the others
 * are plain notes.
 */
export function InlineAlert({
  tone = 'error',
  title,
  children,
  className,
}: {
  tone?: keyof typeof TONES;
  title?: string;
  children?: ReactNode;
  className?: string;
}) {
  const Icon = tone === 'info' ? Info : AlertTriangle;
  return (
    <div
      role={tone === 'error' ? 'alert' : 'note'}
      className={cn(
        'flex items-start gap-2 rounded-md border px-3 py-2 text-[12.5px]',
        TONES[tone],
        className,
      )}
    >
      <Icon className="mt-0.5 size-3.5 shrink-0" aria-hidden />
      <div className="min-w-0">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className="break-words">{children}</div>}
      </div>
    </div>
  );
}
