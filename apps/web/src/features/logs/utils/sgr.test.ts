import { describe, expect, it } from 'vitest';
import { paletteColour, parseSgr, stripAnsi } from './sgr';

describe('parseSgr', () => {
  it('plain text is one unstyled run', () => {
    expect(parseSgr('hello')).toEqual([{ text: 'hello', style: null }]);
  });

  it('colours, bold and reset', () => {
    expect(parseSgr('\x1b[1;31mERROR\x1b[0m done')).toEqual([
      { text: 'ERROR', style: { bold: true, fg: 1 } },
      { text: ' done', style: null },
    ]);
    expect(parseSgr('\x1b[92mok\x1b[39m')).toEqual([{ text: 'ok', style: { fg: 10 } }]);
  });

  it('256 colours and true colour', () => {
    expect(parseSgr('\x1b[38;5;208mx')).toEqual([{ text: 'x', style: { fg: 208 } }]);
    expect(parseSgr('\x1b[48;2;10;20;300my')).toEqual([
      { text: 'y', style: { bg: 'rgb(10, 20, 255)' } },
    ]);
  });

  it('drops other escape sequences (cursor moves, erase, titles) without showing them', () => {
    expect(parseSgr('a\x1b[2Kb\x1b]0;title\x07c\x1b[?25ld')).toEqual([
      { text: 'a', style: null },
      { text: 'b', style: null },
      { text: 'c', style: null },
      { text: 'd', style: null },
    ]);
  });

  it('markup stays text: nothing here is ever HTML', () => {
    const line = '\x1b[31m<img src=x onerror=alert(1)>\x1b[0m<script>alert(2)</script>';
    const segments = parseSgr(line);
    expect(segments.map((s) => s.text).join('')).toBe(
      '<img src=x onerror=alert(1)><script>alert(2)</script>',
    );
    // Styles carry only palette numbers and rgb() strings built from numbers.
    for (const s of segments)
      for (const v of Object.values(s.style ?? {})) expect(String(v)).not.toMatch(/[<>"]/);
  });
});

describe('stripAnsi', () => {
  it('leaves what a terminal shows', () => {
    expect(stripAnsi('\x1b[1;32mPASS\x1b[0m test')).toBe('PASS test');
    expect(stripAnsi('plain')).toBe('plain');
  });
});

describe('paletteColour', () => {
  it('covers the base colours, the cube and the greys', () => {
    expect(paletteColour(1, 'light')).toBe('#b91c1c');
    expect(paletteColour(16, 'dark')).toBe('rgb(0, 0, 0)');
    expect(paletteColour(231, 'dark')).toBe('rgb(255, 255, 255)');
    expect(paletteColour(255, 'dark')).toBe('rgb(238, 238, 238)');
  });
});
