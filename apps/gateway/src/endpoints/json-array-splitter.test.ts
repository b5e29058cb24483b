import { describe, expect, it } from 'vitest';
import { JsonArraySplitter } from './json-array-splitter';

function split(chunks: Buffer[]): unknown[] {
  const out: unknown[] = [];
  const splitter = new JsonArraySplitter((text) => out.push(JSON.parse(text)));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return out;
}

/** The same bytes cut into chunks of `size`. */
function chunked(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

const tricky = [
  { Id: 'a', Names: ['/web'], Labels: { 'x}': '{[', quote: 'say "hi" \\ back' } },
  { Id: 'b', Command: 'sh -c "echo ]"', Ports: [{ PrivatePort: 80 }], Mounts: [] },
  { Id: 'c', Labels: { name: 'café ☕ 日本', emoji: '🚢' }, Nested: { a: [{ b: [{}] }] } },
];

describe('JsonArraySplitter', () => {
  it('gives each object of the array, whatever the chunk boundaries (every size 1..40)', () => {
    const text = JSON.stringify(tricky, null, 1);
    for (let size = 1; size <= 40; size++) expect(split(chunked(text, size))).toEqual(tricky);
  });

  it('reads an empty array and one with whitespace around', () => {
    expect(split([Buffer.from(' [ ] \n')])).toEqual([]);
    expect(split(chunked(' [\n {"a":1} ,\n {"b":2}\n]\n', 3))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('refuses what is not a whole array of objects', () => {
    expect(() => split([Buffer.from('{"message":"no"}')])).toThrow(/not a JSON array/);
    expect(() => split([Buffer.from('[1,2]')])).toThrow(/other than objects/);
    expect(() => split([Buffer.from('[{"a":1}')])).toThrow(/ended early/);
    expect(() => split([Buffer.from('[{"a":1}] x')])).toThrow(/after the end/);
  });
});
