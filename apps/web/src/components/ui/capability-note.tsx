import { Info } from 'lucide-react';
import { cn } from '@/lib/cn';

/**
 * Stands where controls would be that the engine does not offer (e.g. "Kill" on PouchContainer):
 * the control is hidden, never shown to fail, and this says why (the reason as a tooltip and as
 * the accessible description).
 */
export function CapabilityNote({
  engineName,
  missing,
  className,
  detailed = false,
}: {
  engineName: string;
  /** What is not offered, each with the reason: `[label, reason]`. */
  missing: ReadonlyArray<readonly [string, string]>;
  className?: string;
  /** Say the reasons in the text too (where there is room: a page or panel of its own). */
  detailed?: boolean;
}) {
  if (missing.length === 0) return null;
  const labels = missing.map(([label]) => label).join(', ');
  const reasons = missing.map(([label, reason]) => `${label}: ${reason}`).join('\n');
  return (
    <p
      role="note"
      title={reasons}
      aria-label={`Not offered by ${engineName}: ${labels}. ${missing.map(([, r]) => r).join(' ')}`}
      className={cn(
        'flex cursor-help items-center gap-1.5 text-[12px] text-faint',
        detailed ? 'text-[12.5px]' : 'whitespace-nowrap',
        className,
      )}
    >
      <Info className={cn('size-3.5 shrink-0', detailed && 'mt-0.5 self-start')} aria-hidden />
      <span>
        Not on {engineName}: {labels}
        {detailed && (
          <span className="mt-0.5 block text-muted">
            {missing.map(([, reason]) => reason).join(' ')}
          </span>
        )}
      </span>
    </p>
  );
}
