import { useMemo } from 'react';
import type { ReactNode } from 'react';

// Keys, strings, numbers and literals of pretty-printed JSON; everything else is punctuation.
const TOKEN =
  /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

export function highlightJson(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index;
    if (index > last) out.push(text.slice(last, index));
    const [whole, string, colon, literal, number] = match;
    if (string !== undefined) {
      out.push(
        <span
          key={key++}
          className={colon ? 'text-accent-text' : 'text-emerald-700 dark:text-emerald-400'}
        >
          {string}
        </span>,
      );
      if (colon) out.push(colon);
    } else if (literal !== undefined) {
      out.push(
        <span key={key++} className="text-violet-700 dark:text-violet-300">
          {literal}
        </span>,
      );
    } else if (number !== undefined) {
      out.push(
        <span key={key++} className="text-amber-700 dark:text-amber-300">
          {number}
        </span>,
      );
    }
    last = index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function JsonView({ text, label }: { text: string; label: string }) {
  const nodes = useMemo(() => highlightJson(text), [text]);
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="overflow-auto rounded-lg border border-line bg-panel p-4 font-mono text-[12px] leading-relaxed text-muted"
    >
      {nodes}
    </pre>
  );
}
