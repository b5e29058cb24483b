import { describe, expect, it } from 'vitest';
import { JsonLines } from './json-lines';

describe('JsonLines', () => {
  it('parses lines whatever the chunking, multibyte characters included', () => {
    const text = '{"a":"é"}\n{"b":2}\n{"c":"✓"}';
    const bytes = new TextEncoder().encode(text);
    for (let size = 1; size < bytes.length; size++) {
      const lines = new JsonLines();
      const out: unknown[] = [];
      for (let i = 0; i < bytes.length; i += size)
        out.push(...lines.push(bytes.subarray(i, i + size)));
      out.push(...lines.end());
      expect(out).toEqual([{ a: 'é' }, { b: 2 }, { c: '✓' }]);
    }
  });

  it('skips blank and broken lines', () => {
    const lines = new JsonLines();
    expect(lines.push(new TextEncoder().encode('\n{oops}\n{"ok":true}\n'))).toEqual([{ ok: true }]);
  });
});
