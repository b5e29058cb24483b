import type { StackPreview } from '@berth/api';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { cn } from '@/lib/cn';
import { lineDiff } from '../api/line-diff';

const ACTION_WORDS: Record<StackPreview['services'][number]['action'], string> = {
  create: 'will be created',
  recreate: 'will be recreated',
  scale: 'will be scaled',
  unchanged: 'stays running',
  remove: 'will be removed',
};

/** Before a redeploy: the old file against the new one, and what happens to each service. */
export function DiffDialog({
  before,
  after,
  preview,
  onCancel,
  onConfirm,
}: {
  before: { compose: string; env: string };
  after: { compose: string; env: string };
  preview: StackPreview | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const compose = useMemo(() => lineDiff(before.compose, after.compose), [before, after]);
  const env = useMemo(() => lineDiff(before.env, after.env), [before, after]);
  const changed = (lines: typeof compose) => lines.some((line) => line.kind !== 'same');
  return (
    <Dialog
      open
      onClose={onCancel}
      title="Redeploy with these changes?"
      className="max-w-3xl"
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="primary" onClick={onConfirm} disabled={!preview?.ok}>
            Redeploy
          </Button>
        </>
      }
    >
      <section aria-label="Services" className="mb-3">
        <h3 className="mb-1 text-[12.5px] font-semibold text-fg">Services</h3>
        {preview ? (
          <ul className="flex flex-col gap-0.5 text-[12.5px]">
            {preview.services.map((service) => (
              <li key={service.name} data-service={service.name} data-action={service.action}>
                <span className="font-mono text-fg">{service.name}</span>{' '}
                <span
                  className={cn(
                    service.action === 'unchanged' ? 'text-muted' : 'font-medium text-accent-text',
                  )}
                >
                  {ACTION_WORDS[service.action]}
                </span>{' '}
                <span className="text-faint">({service.reason})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-[12.5px] text-muted">Working out what changes…</p>
        )}
      </section>
      {[['compose.yaml', compose] as const, ['.env', env] as const].map(([name, lines]) =>
        changed(lines) ? (
          <section key={name} aria-label={`Changes to ${name}`} className="mb-3">
            <h3 className="mb-1 text-[12.5px] font-semibold text-fg">{name}</h3>
            <pre className="max-h-80 overflow-auto rounded-md border border-line bg-subtle py-1 font-mono text-[11.5px]">
              {lines.map((line, index) => (
                <div
                  key={index}
                  data-diff={line.kind}
                  className={cn(
                    'px-2 whitespace-pre',
                    line.kind === 'added' &&
                      'bg-emerald-500/15 text-emerald-800 dark:text-emerald-200',
                    line.kind === 'removed' && 'bg-danger-soft text-red-800 dark:text-red-300',
                    line.kind === 'same' && 'text-muted',
                  )}
                >
                  {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
                  {line.text}
                </div>
              ))}
            </pre>
          </section>
        ) : null,
      )}
      {!changed(compose) && !changed(env) && (
        <p className="text-[12.5px] text-muted">The files are the same as the deployed version.</p>
      )}
    </Dialog>
  );
}
