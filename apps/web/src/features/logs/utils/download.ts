import type { LogStore } from './log-store';
import { formatRfc3339 } from './timestamp';

const CHUNK = 10_000;

/**
 * The stored lines as a `.log` file's parts (as `docker logs` prints them, ANSI codes kept),
 * with RFC 3339 timestamps when shown, and the container's name in a merged view. Built in
 * chunks so a million lines never become one giant string.
 */
export function logFileParts(
  store: LogStore,
  { timestamps, sourceNames }: { timestamps: boolean; sourceNames?: readonly string[] },
): string[] {
  const parts: string[] = [];
  for (let start = 0; start < store.length; start += CHUNK) {
    const end = Math.min(store.length, start + CHUNK);
    const lines: string[] = [];
    for (let i = start; i < end; i++) {
      let line = store.textAt(i);
      if (sourceNames && sourceNames.length > 1)
        line = `${sourceNames[store.sourceAt(i)] ?? '?'} | ${line}`;
      if (timestamps) {
        const time = store.timeAt(i);
        if (!Number.isNaN(time)) line = `${formatRfc3339(time)} ${line}`;
      }
      lines.push(line);
    }
    parts.push(`${lines.join('\n')}\n`);
  }
  return parts;
}

export function downloadLog(parts: string[], name: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name.endsWith('.log') ? name : `${name}.log`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
