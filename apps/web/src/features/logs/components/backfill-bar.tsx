import { Button } from '@/components/ui/button';
import type { BackfillState } from '../api/log-backfill';

const number = new Intl.NumberFormat();

/**
 * While "All lines" reads the older lines above the newest: how far it is, and a way to stop.
 * After a stop or a failure, says the older lines are not all there. Nothing once done.
 */
export function BackfillBar({ backfill, onStop }: { backfill: BackfillState; onStop: () => void }) {
  if (backfill.state === 'idle' || backfill.state === 'done') return null;
  const { loaded, estimate } = backfill;
  const percent = estimate ? Math.min(100, Math.round((loaded / estimate) * 100)) : undefined;
  if (backfill.state === 'loading') {
    return (
      <div
        className="flex items-center gap-3 border-b border-line bg-panel px-4 py-1.5 text-[12px] text-muted"
        data-testid="log-backfill"
      >
        <span role="status" className="tabular-nums">
          Loading older lines… {number.format(loaded)}
          {estimate ? ` of ~${number.format(estimate)}` : ''}
        </span>
        <progress
          className="h-1.5 w-40 accent-[var(--berth-accent)]"
          aria-label="Older lines loaded"
          max={100}
          value={percent}
        />
        <Button size="sm" variant="ghost" onClick={onStop}>
          Stop loading
        </Button>
      </div>
    );
  }
  return (
    <div
      role="status"
      className="border-b border-line bg-panel px-4 py-1.5 text-[12px] text-muted"
      data-testid="log-backfill"
    >
      {backfill.state === 'stopped' ? 'Stopped loading older lines' : 'Older lines failed to load'}
      {backfill.message ? ` (${backfill.message})` : ''}: the {number.format(loaded)} oldest are
      shown, the ones between them and the newest are not. Reload logs to read them all.
    </div>
  );
}
