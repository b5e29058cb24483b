// Types for engine.mjs, so TypeScript tests and benchmarks can start private engines too.
export const BASE_IMAGE: string;

export interface PrivateEngine {
  name: string;
  host: string;
  socket: string;
  dataDir: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface PrivateEngineOptions {
  dir?: string;
  name?: string;
  bridge?: string;
  extraArgs?: string[];
}

export function startPrivateEngine(options?: PrivateEngineOptions): Promise<PrivateEngine>;
export function stopByPidfile(pidfile: string, fallbackPid?: number): Promise<void>;
export function stopSyncByPid(pid: number | undefined): void;
export function engineAnswers(host: string): Promise<boolean>;
export function ensureBaseImage(host: string, image?: string): Promise<void>;
export function socketFromHost(host: string): string | undefined;
export function engineRequest(
  socketPath: string,
  method: string,
  path: string,
  options?: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number },
): Promise<{ status: number; body: string }>;
export function isAlive(pid: number): boolean;
export function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void>;
export function nameSlot(name: string): number;
export function removeQuietly(path: string): void;
