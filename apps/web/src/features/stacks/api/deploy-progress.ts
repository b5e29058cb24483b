import type { ProgressMessage, StackDeployEvent, StackStepKind } from '@berth/api';
import { applyProgress, EMPTY_PROGRESS } from '@/lib/pull-progress';
import type { ProgressState } from '@/lib/pull-progress';

export interface DeployStep {
  id: string;
  kind: StackStepKind;
  target: string;
  status: 'running' | 'done' | 'skipped' | 'error';
  message?: string;
  /** An image pull's layers, folded as the pull dialog does. */
  pull?: ProgressState;
}

export interface DeployState {
  phase: 'idle' | 'running' | 'done' | 'failed';
  steps: DeployStep[];
  error: string | null;
  /** The version the deploy saved (null for a pull or scale of the current one). */
  version: number | null;
}

export const IDLE_DEPLOY: DeployState = { phase: 'idle', steps: [], error: null, version: null };
export const STARTED_DEPLOY: DeployState = { ...IDLE_DEPLOY, phase: 'running' };

/** Folds one progress line of a deploy into the steps shown: in order, each with its state. */
export function applyDeployEvent(state: DeployState, event: StackDeployEvent): DeployState {
  switch (event.type) {
    case 'step': {
      const existing = state.steps.find((step) => step.id === event.id);
      const next: DeployStep = {
        ...existing,
        id: event.id,
        kind: event.kind,
        target: event.target,
        status: event.status,
        message: event.message,
      };
      return {
        ...state,
        steps: existing
          ? state.steps.map((step) => (step.id === event.id ? next : step))
          : [...state.steps, next],
      };
    }
    case 'pull':
      return {
        ...state,
        steps: state.steps.map((step) =>
          step.id === event.id
            ? {
                ...step,
                pull: applyProgress(step.pull ?? EMPTY_PROGRESS, event.progress as ProgressMessage),
              }
            : step,
        ),
      };
    case 'done':
      return { ...state, phase: 'done', version: event.version };
    case 'error':
      return { ...state, phase: 'failed', error: event.message };
  }
}

/** A step as a person reads it: "Create network shop_default", "Wait for db (healthy)". */
export function stepLabel(step: Pick<DeployStep, 'kind' | 'target'>): string {
  switch (step.kind) {
    case 'network':
      return `Network ${step.target}`;
    case 'volume':
      return `Volume ${step.target}`;
    case 'pull':
      return `Image ${step.target}`;
    case 'container':
      return step.target.endsWith(' start')
        ? `Start ${step.target.slice(0, -6)}`
        : `Create and start ${step.target}`;
    case 'wait':
      return `Wait for ${step.target}`;
    case 'remove':
      return `Remove ${step.target}`;
    case 'service':
      return `Swarm service ${step.target}`;
    case 'secret':
      return `Secret ${step.target}`;
    case 'config':
      return `Config ${step.target}`;
    default:
      return step.target;
  }
}
