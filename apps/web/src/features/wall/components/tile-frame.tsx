import type { ReactNode } from 'react';

/** A wall tile: a title readable from across the room, and its body filling the rest. */
export function TileFrame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={subtitle ? `${title} · ${subtitle}` : title}
      className="flex min-h-0 min-w-0 flex-col overflow-hidden rounded-2xl border border-zinc-800 bg-zinc-900/80"
    >
      <header className="flex items-baseline justify-between gap-4 px-6 pt-4 pb-2">
        <h2 className="truncate text-[26px] font-semibold tracking-tight text-zinc-100">{title}</h2>
        {subtitle && <span className="truncate text-[20px] text-zinc-400">{subtitle}</span>}
      </header>
      <div className="min-h-0 flex-1 overflow-hidden px-6 pb-5">{children}</div>
    </section>
  );
}

export function TileMessage({
  children,
  tone = 'muted',
}: {
  children: ReactNode;
  tone?: 'muted' | 'bad';
}) {
  return (
    <p
      className={
        tone === 'bad' ? 'pt-2 text-[22px] text-red-400' : 'pt-2 text-[22px] text-zinc-400'
      }
    >
      {children}
    </p>
  );
}

/** A tile whose endpoint was removed: what the layout names is gone. */
export function GoneTile({ title }: { title: string }) {
  return (
    <TileFrame title={title}>
      <TileMessage tone="bad">This endpoint is gone; edit the wall layout.</TileMessage>
    </TileFrame>
  );
}
