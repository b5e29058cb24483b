import { describe, expect, it } from 'vitest';
import { interpolateDocument, interpolateString, parseDotEnv } from './interpolate';

describe('interpolateString', () => {
  const vars = { NAME: 'web', EMPTY: '', PORT: '8080' };

  it('substitutes $VAR and ${VAR}, unset ones as empty', () => {
    expect(interpolateString('$NAME-${PORT}-${NOPE}-$NOPE', vars)).toBe('web-8080--');
  });

  it('applies defaults with and without the colon as the spec says', () => {
    expect(interpolateString('${EMPTY:-d}|${EMPTY-d}|${NOPE-d}|${NOPE:-d}', vars)).toBe('d||d|d');
  });

  it('applies alternatives', () => {
    expect(interpolateString('${NAME:+yes}|${EMPTY:+yes}|${EMPTY+yes}|${NOPE+yes}', vars)).toBe(
      'yes||yes|',
    );
  });

  it('expands variables inside defaults', () => {
    expect(interpolateString('${NOPE:-${NAME}:${PORT}}', vars)).toBe('web:8080');
  });

  it('keeps $$ as a literal dollar and a lone $ as it is', () => {
    expect(interpolateString('echo $$HOME costs 5$', vars)).toBe('echo $HOME costs 5$');
  });

  it('fails for a required variable with its message', () => {
    expect(() => interpolateString('${TOKEN:?set TOKEN in .env}', vars)).toThrow(
      'required variable TOKEN is missing a value: set TOKEN in .env',
    );
    expect(() => interpolateString('${EMPTY:?}', vars)).toThrow('EMPTY');
    expect(interpolateString('${EMPTY?}', vars)).toBe('');
  });

  it('rejects malformed substitutions', () => {
    expect(() => interpolateString('${NAME', vars)).toThrow('unclosed');
    expect(() => interpolateString('${1X}', vars)).toThrow('variable name');
    expect(() => interpolateString('${NAME:x}', vars)).toThrow('not a valid substitution');
  });
});

describe('parseDotEnv', () => {
  it('reads comments, export, quotes and references to earlier keys', () => {
    const env = parseDotEnv(
      [
        '# comment',
        'export A=1',
        "B='literal $A'",
        'C="line\\nnext ${A}"',
        'D=plain value # trailing comment',
        'E=${A}/x',
        '',
      ].join('\n'),
    );
    expect(env).toEqual({ A: '1', B: 'literal $A', C: 'line\nnext 1', D: 'plain value', E: '1/x' });
  });

  it('names the line that is not KEY=value', () => {
    expect(() => parseDotEnv('A=1\nnot a line')).toThrow('.env line 2');
  });
});

describe('interpolateDocument', () => {
  it('interpolates values, never keys, and says where a required one is missing', () => {
    expect(interpolateDocument({ services: { $A: { image: '${A}' } } }, { A: 'x' })).toEqual({
      services: { $A: { image: 'x' } },
    });
    expect(() => interpolateDocument({ services: { web: { image: '${IMG:?}' } } }, {})).toThrow(
      'services.web.image: required variable IMG',
    );
  });
});
