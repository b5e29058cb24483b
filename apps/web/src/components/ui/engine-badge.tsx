import type { EngineKind } from '@berth/api';
import { cn } from '@/lib/cn';

const NAMES: Record<EngineKind, string> = { docker: 'Docker', pouch: 'PouchContainer' };

/** Which engine an endpoint runs, from what the engine says about itself (/version, /info). */
export function EngineBadge({
  kind,
  version,
  className,
}: {
  kind: EngineKind;
  version?: string | null;
  className?: string;
}) {
  const text = `${NAMES[kind]}${version ? ` ${version}` : ''}`;
  return (
    <span
      data-testid="engine-badge"
      data-engine={kind}
      title={`Engine: ${text}`}
      className={cn(
        'inline-flex shrink-0 items-center rounded-full border px-2 text-[11.5px] leading-5 font-medium whitespace-nowrap',
        kind === 'pouch' ? 'border-accent/40 text-accent' : 'border-line-strong text-muted',
        className,
      )}
    >
      {text}
    </span>
  );
}

export function engineName(kind: EngineKind): string {
  return NAMES[kind];
}
