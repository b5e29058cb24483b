import { Check, CircleSlash, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { ACTION_LABELS } from '../api/container-actions';
import type { BulkRun } from '../api/use-bulk-action';

export function BulkResultDialog({ run, onClose }: { run: BulkRun | null; onClose: () => void }) {
  if (!run) return null;
  const failed = run.items.filter((item) => item.status.kind === 'failed').length;
  const label = ACTION_LABELS[run.action];
  const title = run.running
    ? `${label}: ${run.done} of ${run.total}`
    : failed
      ? `${label}: ${failed} of ${run.total} failed`
      : `${label}: done`;
  const percent = run.total ? Math.round((run.done / run.total) * 100) : 100;

  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      className="max-w-lg"
      footer={
        <Button variant={run.running ? 'secondary' : 'primary'} onClick={onClose} data-autofocus>
          {run.running ? 'Hide' : 'Close'}
        </Button>
      }
    >
      <div
        role="progressbar"
        aria-label={`${label} progress`}
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={run.done}
        aria-valuetext={`${run.done} of ${run.total}`}
        className="mb-3 h-1.5 overflow-hidden rounded-full bg-subtle"
      >
        <div
          className={
            failed ? 'h-full bg-amber-500 transition-all' : 'h-full bg-accent transition-all'
          }
          style={{ width: `${percent}%` }}
        />
      </div>
      <ul
        aria-label="Results"
        className="max-h-72 divide-y divide-line overflow-auto rounded-md border border-line"
      >
        {run.items.map((item) => (
          <li key={item.id} className="flex items-start gap-2.5 px-3 py-2 text-[13px]">
            <span className="mt-0.5 shrink-0">
              {item.status.kind === 'pending' && <Spinner label="Running" />}
              {item.status.kind === 'ok' && (
                <Check className="size-3.5 text-emerald-500" aria-label="Done" />
              )}
              {item.status.kind === 'failed' && (
                <X className="size-3.5 text-danger" aria-label="Failed" />
              )}
              {item.status.kind === 'skipped' && (
                <CircleSlash className="size-3.5 text-faint" aria-label="Skipped" />
              )}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-fg">{item.name}</span>
              {item.status.kind === 'failed' && (
                <span className="block font-mono text-[12px] break-words text-danger">
                  {item.status.message}
                </span>
              )}
              {item.status.kind === 'skipped' && (
                <span className="block text-[12px] text-muted">{item.status.reason}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
