// The file browser's engine calls, on the archive endpoints: stat (HEAD), list a folder (GET,
// reading tar headers only), upload (PUT a tar made here).
import { endpointKeys, EngineError, writeTar } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { CSRF_HEADERS, engine } from '@/lib/api-client';
import { TarEntryReader } from '@berth/api';
import type { TarEntry } from '@berth/api';

export interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

// Go's os.FileMode bits, as the engine reports them.
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;
export const isDirMode = (mode: number) => mode >= MODE_DIR;
export const isSymlinkMode = (mode: number) => Math.floor(mode / MODE_SYMLINK) % 2 === 1;

/** A clean absolute container path: `/`-rooted, no empty, `.` or `..` parts. */
export function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function joinPath(dir: string, name: string): string {
  if (!isSafeName(name)) throw new Error(`“${name}” is not a plain file name.`);
  return normalisePath(`${dir}/${name}`);
}

/** One path segment: no slash, not `.` or `..`, no NUL. */
export function isSafeName(name: string): boolean {
  return (
    name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\0')
  );
}

export function archiveUrl(endpointId: string, containerId: string, path: string): string {
  return engine(endpointId).url('/containers/{id}/archive', {
    params: { id: containerId },
    query: { path },
  });
}

export async function statPath(
  endpointId: string,
  containerId: string,
  path: string,
  signal?: AbortSignal,
): Promise<PathStat> {
  const response = await engine(endpointId).send('HEAD', '/containers/{id}/archive', {
    params: { id: containerId },
    query: { path },
    signal,
  });
  const header = response.headers.get('X-Docker-Container-Path-Stat');
  if (!header) throw new EngineError(502, 'The engine sent no path stat for this path.');
  const bytes = Uint8Array.from(atob(header), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as PathStat;
}

export interface Listing {
  entries: TarEntry[];
  /** The listing stopped early (entry or byte cap): some children may be missing. */
  truncated: boolean;
}

export const LIST_MAX_ENTRIES = 20_000;
export const LIST_MAX_BYTES = 256 * 1024 ** 2;

/**
 * The direct children of a folder. The engine only offers the whole folder as a tar, so this
 * reads headers as they stream past and stops (aborting the download) at a cap.
 */
export async function listFolder(
  endpointId: string,
  containerId: string,
  dir: string,
  signal?: AbortSignal,
): Promise<Listing> {
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const response = await engine(endpointId).send('GET', '/containers/{id}/archive', {
    params: { id: containerId },
    query: { path: dir },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  const tar = new TarEntryReader();
  const children = new Map<string, TarEntry>();
  let seen = 0;
  let bytes = 0;
  let truncated = false;
  let root: string | null = null;
  if (!reader) return { entries: [], truncated: false };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const entry of tar.push(value)) {
        seen++;
        // The archive's first entry is the folder itself, by its base name (`/` gives `.` or ``).
        root ??= entry.name;
        const rest = entry.name === root ? '' : entry.name.slice(root.length + 1);
        if (!rest) continue;
        const [child = '', ...deeper] = rest.split('/');
        if (!isSafeName(child)) continue;
        if (deeper.length === 0) children.set(child, { ...entry, name: child });
        else if (!children.has(child)) {
          children.set(child, {
            name: child,
            size: 0,
            mode: 0o755,
            mtime: 0,
            type: 'dir',
            linkTarget: '',
          });
        }
      }
      if (tar.done) break;
      if (seen >= LIST_MAX_ENTRIES || bytes >= LIST_MAX_BYTES) {
        truncated = true;
        break;
      }
    }
  } finally {
    controller.abort();
  }
  const entries = [...children.values()].sort((a, b) =>
    a.type === 'dir' && b.type !== 'dir'
      ? -1
      : b.type === 'dir' && a.type !== 'dir'
        ? 1
        : a.name.localeCompare(b.name),
  );
  return { entries, truncated };
}

/**
 * Puts files into a folder as one plain tar (relative names only), reporting upload progress
 * (XHR: fetch has no upload progress).
 */
export function uploadFiles(
  endpointId: string,
  containerId: string,
  dir: string,
  files: Array<{ name: string; data: Uint8Array; mtime?: number }>,
  onProgress: (sent: number, total: number) => void,
): { promise: Promise<void>; abort: () => void } {
  for (const file of files) {
    if (!isSafeName(file.name)) throw new Error(`“${file.name}” is not a plain file name.`);
  }
  const tar = writeTar(files.map((file) => ({ ...file, mode: 0o644 })));
  const xhr = new XMLHttpRequest();
  const promise = new Promise<void>((resolve, reject) => {
    xhr.open('PUT', archiveUrl(endpointId, containerId, dir));
    for (const [key, value] of Object.entries(CSRF_HEADERS)) xhr.setRequestHeader(key, value);
    xhr.setRequestHeader('Content-Type', 'application/x-tar');
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.total || tar.length);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else {
        let message = xhr.statusText || `HTTP ${xhr.status}`;
        try {
          message = (JSON.parse(xhr.responseText) as { message?: string }).message ?? message;
        } catch {
          // not JSON
        }
        reject(new EngineError(xhr.status, message));
      }
    };
    xhr.onerror = () => reject(new EngineError(0, 'The upload did not reach the gateway.'));
    xhr.onabort = () => reject(new EngineError(0, 'Upload cancelled.'));
    xhr.send(new Blob([tar as BlobPart]));
  });
  return { promise, abort: () => xhr.abort() };
}

export const filesKey = (endpointId: string, containerId: string, path: string) =>
  [...endpointKeys.container(endpointId, containerId), 'files', path] as const;

export function pathStatQueryOptions(endpointId: string, containerId: string, path: string) {
  return queryOptions({
    queryKey: [...filesKey(endpointId, containerId, path), 'stat'] as const,
    queryFn: ({ signal }) => statPath(endpointId, containerId, path, signal),
    retry: false,
  });
}

export function folderQueryOptions(endpointId: string, containerId: string, path: string) {
  return queryOptions({
    queryKey: [...filesKey(endpointId, containerId, path), 'list'] as const,
    queryFn: ({ signal }) => listFolder(endpointId, containerId, path, signal),
    retry: false,
    staleTime: 10_000,
  });
}
