import { describe, expect, it } from 'vitest';
import { LineDecoder } from './line-decoder';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('LineDecoder', () => {
  it('keeps a line split across chunks, and CRLF endings', () => {
    const decoder = new LineDecoder();
    expect(decoder.push(bytes('one\r\ntw'))).toEqual(['one']);
    expect(decoder.push(bytes('o\nthree'))).toEqual(['two']);
    expect(decoder.end()).toEqual(['three']);
  });

  it('decodes a UTF-8 character split between two frames', () => {
    const decoder = new LineDecoder();
    const euro = bytes('€\n'); // e2 82 ac 0a
    expect(decoder.push(euro.subarray(0, 1))).toEqual([]);
    expect(decoder.push(euro.subarray(1))).toEqual(['€']);
  });
});
