// What a terminal connects to, how that becomes the gateway's websocket URL, and how it travels in
// the full-window route's search params (so a terminal has a URL of its own).
import { endpointSocketUrl } from '@/lib/live/socket-url';

export type TerminalTarget =
  /** A new process in the container (`docker exec -it`). */
  | { mode: 'exec'; cmd: string[]; user?: string; workdir?: string }
  /** The container's main process (`docker attach`); `logs` replays its output so far. */
  | { mode: 'attach'; logs: boolean };

export const DEFAULT_SHELL = '/bin/sh';

export function targetsEqual(a: TerminalTarget, b: TerminalTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A short name for tabs and titles: `sh`, `bash -l`, `attach`. */
export function targetTitle(target: TerminalTarget): string {
  if (target.mode === 'attach') return 'attach';
  const [program = '', ...args] = target.cmd;
  const base = program.split('/').pop() || program;
  return [base, ...args].join(' ');
}

/** The command as a person would type it, for labels: `/bin/sh`, `python3 -i`. */
export function targetCommandLine(target: TerminalTarget): string {
  if (target.mode === 'attach') return 'attach';
  return target.cmd.map((arg) => (/[\s'"\\]/.test(arg) ? JSON.stringify(arg) : arg)).join(' ');
}

/**
 * Splits a typed command into arguments: whitespace separates, single and double quotes group,
 * a backslash escapes the next character. A JSON array is taken as it is.
 */
export function splitCommand(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((arg) => typeof arg === 'string')) {
        return parsed as string[];
      }
    } catch {
      // not JSON: split it like a shell would
    }
  }
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed.charAt(i);
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < trimmed.length) current += trimmed[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inArg = true;
    } else if (ch === '\\' && i + 1 < trimmed.length) {
      current += trimmed[++i];
      inArg = true;
    } else if (/\s/.test(ch)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
    } else {
      current += ch;
      inArg = true;
    }
  }
  if (inArg) args.push(current);
  return args;
}

/** `ws(s)://<this origin>/api/endpoints/{id}/ws/{exec|attach}?…` with the initial size. */
export function terminalSocketUrl(
  endpointId: string,
  containerId: string,
  target: TerminalTarget,
  size: { cols: number; rows: number },
  origin: { protocol: string; host: string } = window.location,
): string {
  const params = new URLSearchParams({ container: containerId });
  if (target.mode === 'exec') {
    params.set('cmd', JSON.stringify(target.cmd));
    params.set('tty', '1');
    if (target.user) params.set('user', target.user);
    if (target.workdir) params.set('workdir', target.workdir);
  } else if (target.logs) {
    params.set('logs', '1');
  }
  params.set('cols', String(size.cols));
  params.set('rows', String(size.rows));
  return endpointSocketUrl(endpointId, target.mode, params, origin);
}

/** The full-window route's search params. */
export interface TerminalSearch {
  mode?: 'exec' | 'attach';
  /** JSON array of strings. */
  cmd?: string;
  user?: string;
  workdir?: string;
  logs?: boolean;
}

export function parseTerminalSearch(search: Record<string, unknown>): TerminalSearch {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const result: TerminalSearch = {};
  if (search.mode === 'attach' || search.mode === 'exec') result.mode = search.mode;
  // The router parses JSON-looking values itself; accept the array as well as its text.
  const cmd = Array.isArray(search.cmd) ? JSON.stringify(search.cmd) : text(search.cmd);
  if (cmd) result.cmd = cmd;
  const user = text(search.user);
  if (user) result.user = user;
  const workdir = text(search.workdir);
  if (workdir) result.workdir = workdir;
  if (search.logs === true || search.logs === '1' || search.logs === 'true') result.logs = true;
  return result;
}

export function targetFromSearch(search: TerminalSearch): TerminalTarget {
  if (search.mode === 'attach') return { mode: 'attach', logs: search.logs === true };
  const cmd = search.cmd ? splitCommand(search.cmd) : [];
  return {
    mode: 'exec',
    cmd: cmd.length ? cmd : [DEFAULT_SHELL],
    ...(search.user ? { user: search.user } : {}),
    ...(search.workdir ? { workdir: search.workdir } : {}),
  };
}

export function searchFromTarget(target: TerminalTarget): TerminalSearch {
  if (target.mode === 'attach')
    return target.logs ? { mode: 'attach', logs: true } : { mode: 'attach' };
  return {
    cmd: JSON.stringify(target.cmd),
    ...(target.user ? { user: target.user } : {}),
    ...(target.workdir ? { workdir: target.workdir } : {}),
  };
}
