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
}: {
  engineName: string;
  /** What is not offered, each with the reason: `[label, reason]`. */
  missing: ReadonlyArray<readonly [string, string]>;
  className?: string;
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
        'flex cursor-help items-center gap-1.5 text-[12px] whitespace-nowrap text-faint',
        className,
      )}
    >
      <Info className="size-3.5 shrink-0" aria-hidden />
      <span>
        Not on {engineName}: {labels}
      </span>
    </p>
  );
}
