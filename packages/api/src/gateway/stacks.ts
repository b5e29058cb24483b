// Stacks (compose projects): what the gateway's /stacks routes answer, shared by gateway and web.

export type StackKind = 'compose' | 'swarm';
/** `berth`: Berth keeps the file; `external`: made elsewhere (the CLI), no file stored. */
export type StackManagedBy = 'berth' | 'external';

export interface StackServiceSummary {
  name: string;
  running: number;
  total: number;
  image: string | null;
}

export interface StackContainer {
  id: string;
  name: string;
  service: string;
  number: number;
  state: string;
  status: string;
  image: string;
  configHash: string | null;
  ports: string[];
}

export interface StackSummary {
  name: string;
  kind: StackKind;
  managedBy: StackManagedBy;
  services: StackServiceSummary[];
  /** Containers (compose) or tasks wanted (swarm). */
  containers: number;
  running: number;
  /** Last deploy of the stored file, else the newest container's creation (ms). */
  updatedAt: number | null;
  /** `running` (all up), `partial`, `stopped`, `down` (a stored file with nothing deployed). */
  status: 'running' | 'partial' | 'stopped' | 'down';
}

export interface StackVersionSummary {
  version: number;
  createdAt: number;
  username: string | null;
  note: string | null;
}

export interface StackVersion extends StackVersionSummary {
  compose: string;
  env: string;
}

export interface StackDetail extends StackSummary {
  containerList: StackContainer[];
  /** The current stored file, for Berth's stacks. */
  file: StackVersion | null;
  versions: StackVersionSummary[];
}

/** A problem with a compose file, at its line when known. */
export interface StackProblem {
  message: string;
  line?: number;
  path?: string;
}

export type StackServiceAction = 'create' | 'recreate' | 'unchanged' | 'scale' | 'remove';

/** What a deploy would do, before it does it (the diff dialog shows this). */
export interface StackPreview {
  ok: boolean;
  problems: StackProblem[];
  services: Array<{ name: string; action: StackServiceAction; reason: string }>;
  /** The current stored file, to diff against. */
  current: { compose: string; env: string } | null;
}

export type StackStepKind =
  | 'validate'
  | 'network'
  | 'volume'
  | 'pull'
  | 'container'
  | 'wait'
  | 'remove'
  /** Swarm stacks: a swarm service created or updated, a secret or config created. */
  | 'service'
  | 'secret'
  | 'config';

/**
 * A deploy's progress, one JSON object per line (`application/x-ndjson`): steps start and end,
 * image pulls relay the engine's own progress lines, and the last line is `done` or `error`.
 */
export type StackDeployEvent =
  | {
      type: 'step';
      id: string;
      kind: StackStepKind;
      target: string;
      status: 'running' | 'done' | 'skipped' | 'error';
      message?: string;
    }
  | {
      type: 'pull';
      id: string;
      image: string;
      /** One line of the engine's pull stream (`status`, `id`, `progressDetail`…). */
      progress: Record<string, unknown>;
    }
  | { type: 'done'; stack: string; version: number | null }
  | { type: 'error'; message: string; step?: string; problems?: StackProblem[] };
