// One kind of prune on the clean-up page: choose it, see what it would remove, then how it went.
import { formatBytes } from '@berth/api';
import { Check, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { Spinner } from '@/components/ui/spinner';
import type { PrunePreview } from '../api/clean-up';

/** How one prune of a run went. */
export type Outcome =
  | { state: 'pending' }
  | { state: 'ok'; removed: number; space: number }
  | { state: 'failed'; message: string };

export function PruneSection({
  label,
  noun,
  preview,
  checked,
  disabled,
  onToggle,
  outcome,
  extra,
}: {
  label: string;
  noun: string;
  preview: PrunePreview;
  checked: boolean;
  disabled: boolean;
  onToggle: () => void;
  outcome: Outcome | undefined;
  extra: ReactNode;
}) {
  const count = preview.items.length;
  return (
    <li className="rounded-lg border border-line bg-panel">
      <div className="flex items-center gap-3 px-4 py-2.5">
        <Checkbox aria-label={label} checked={checked} disabled={disabled} onChange={onToggle} />
        <div className="min-w-0 flex-1">
          <p className="text-[13px] font-medium text-fg">{label}</p>
          <p className="text-[12px] text-muted">
            {count === 0
              ? `No ${noun} to remove.`
              : `${count} ${noun}, about ${formatBytes(preview.space)}`}
          </p>
        </div>
        <span aria-live="polite" className="text-[12.5px]">
          {outcome?.state === 'pending' && <Spinner label={`Pruning ${label.toLowerCase()}`} />}
          {outcome?.state === 'ok' && (
            <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
              <Check className="size-3.5" aria-hidden />
              Removed {outcome.removed}, reclaimed {formatBytes(outcome.space)}
            </span>
          )}
          {outcome?.state === 'failed' && (
            <span className="inline-flex items-center gap-1 font-mono text-danger">
              <X className="size-3.5" aria-hidden />
              {outcome.message}
            </span>
          )}
        </span>
      </div>
      {(count > 0 || extra) && (
        <div className="border-t border-line px-4 py-2">
          {extra}
          {count > 0 && (
            <ul
              aria-label={`${label} that would be removed`}
              className="max-h-36 overflow-auto font-mono text-[12px] text-muted"
            >
              {preview.items.map((item) => (
                <li key={item.id} className="flex justify-between gap-3 py-0.5">
                  <span className="truncate">{item.name}</span>
                  {item.size !== null && <span className="shrink-0">{formatBytes(item.size)}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}
