import { describe, expect, it } from 'vitest';
import { JsonLines, readJsonLines } from './json-lines';

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

describe('readJsonLines', () => {
  it('hands over every line of a streamed body, a line split across chunks and a last one without a newline included', async () => {
    const encoder = new TextEncoder();
    const chunks = ['{"status":"a"}\n{"sta', 'tus":"b"}\n', '{"status":"c"}'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
    const seen: unknown[] = [];
    await readJsonLines(new Response(body), (message) => seen.push(message));
    expect(seen).toEqual([{ status: 'a' }, { status: 'b' }, { status: 'c' }]);
  });
});
