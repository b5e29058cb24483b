import { useCallback, useState } from 'react';

/** The last lines of a pull/upgrade/push progress stream, kept short. */
export function useProgressLines() {
  const [lines, setLines] = useState<string[]>([]);
  const add = useCallback((line: string) => setLines((l) => [...l.slice(-200), line]), []);
  const clear = useCallback(() => setLines([]), []);
  return { lines, add, clear };
}

export function ProgressLog({ lines }: { lines: string[] }) {
  if (!lines.length) return null;
  return (
    <pre
      role="log"
      aria-label="Progress"
      className="max-h-40 overflow-auto rounded-md bg-subtle p-2 font-mono text-[11.5px] text-muted"
    >
      {lines.join('\n')}
    </pre>
  );
}
