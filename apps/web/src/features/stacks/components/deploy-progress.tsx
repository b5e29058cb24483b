import { Check, CircleDashed, SkipForward, X } from 'lucide-react';
import { InlineAlert } from '@/components/ui/inline-alert';
import { ProgressView } from '@/components/ui/progress-view';
import { Spinner } from '@/components/ui/spinner';
import { stepLabel } from '../api/deploy-progress';
import type { DeployState, DeployStep } from '../api/deploy-progress';

function StepIcon({ status }: { status: DeployStep['status'] }) {
  switch (status) {
    case 'running':
      return <Spinner label="running" />;
    case 'done':
      return <Check className="size-3.5 text-emerald-600" aria-label="done" />;
    case 'skipped':
      return <SkipForward className="size-3.5 text-faint" aria-label="already there" />;
    case 'error':
      return <X className="size-3.5 text-danger" aria-label="failed" />;
    default:
      return <CircleDashed className="size-3.5 text-faint" aria-hidden />;
  }
}

/** A deploy step by step: networks, volumes, image pulls with their layers, containers, waits. */
export function DeployProgress({ state }: { state: DeployState }) {
  if (state.phase === 'idle') return null;
  return (
    <div className="flex flex-col gap-3" aria-live="polite">
      <ol
        aria-label="Deploy steps"
        className="flex flex-col divide-y divide-line rounded-md border border-line"
      >
        {state.steps.map((step) => (
          <li
            key={step.id}
            className="flex flex-col gap-2 px-3 py-2 text-[12.5px]"
            data-step={step.id}
            data-status={step.status}
          >
            <div className="flex items-center gap-2">
              <StepIcon status={step.status} />
              <span className="text-fg">{stepLabel(step)}</span>
              <span className="ml-auto text-[11.5px] text-muted">
                {step.status === 'skipped'
                  ? step.kind === 'pull'
                    ? 'already on the engine'
                    : 'exists already'
                  : step.status}
              </span>
            </div>
            {step.message && <p className="font-mono text-[11.5px] text-danger">{step.message}</p>}
            {step.pull && (
              <ProgressView
                progress={step.pull}
                phase={
                  step.status === 'running'
                    ? 'running'
                    : step.status === 'error'
                      ? 'failed'
                      : 'done'
                }
                failure={step.message ?? null}
                what={`Pull of ${step.target}`}
              />
            )}
          </li>
        ))}
        {state.phase === 'running' && state.steps.length === 0 && (
          <li className="flex items-center gap-2 px-3 py-2 text-[12.5px] text-muted">
            <Spinner /> Checking the file…
          </li>
        )}
      </ol>
      {state.phase === 'done' && (
        <InlineAlert tone="info" title="Deployed">
          {state.version ? `Version ${state.version} is running.` : 'The stack is up to date.'}
        </InlineAlert>
      )}
      {state.phase === 'failed' && (
        <InlineAlert title="The deploy stopped">
          <span className="font-mono">{state.error}</span>
          <span className="mt-1 block">
            What was made before this step is left in place to inspect.
          </span>
        </InlineAlert>
      )}
    </div>
  );
}
