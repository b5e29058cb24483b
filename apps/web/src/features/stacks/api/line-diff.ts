export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** Line numbers in the old and the new text (1-based), where the line exists. */
  oldLine?: number;
  newLine?: number;
}

/**
 * A line diff of two texts (longest common subsequence), as `diff -u` shows it. Compose files
 * are small (hundreds of lines), so the quadratic table is cheap.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const rows = a.length + 1;
  const cols = b.length + 1;
  const lcs = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * cols + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * cols + j] ?? 0, lcs[i * cols + j + 1] ?? 0);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] ?? '', oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (
      i < a.length &&
      (j >= b.length || (lcs[(i + 1) * cols + j] ?? 0) >= (lcs[i * cols + j + 1] ?? 0))
    ) {
      out.push({ kind: 'removed', text: a[i] ?? '', oldLine: i + 1 });
      i++;
    } else {
      out.push({ kind: 'added', text: b[j] ?? '', newLine: j + 1 });
      j++;
    }
  }
  return out;
}
