import { describe, expect, it } from 'vitest';
import { logFileParts } from './download';
import { LogStore, STDERR, STDOUT } from './log-store';

describe('logFileParts', () => {
  it('writes lines as docker logs does, with timestamps and names when asked', () => {
    const store = new LogStore(10);
    store.push('hello', STDOUT, Date.UTC(2024, 4, 1, 12, 0, 0, 1), 0);
    store.push('\x1b[31moops\x1b[0m', STDERR, Date.UTC(2024, 4, 1, 12, 0, 1), 1);
    expect(logFileParts(store, { timestamps: false }).join('')).toBe(
      'hello\n\x1b[31moops\x1b[0m\n',
    );
    expect(logFileParts(store, { timestamps: true, sourceNames: ['web', 'db'] }).join('')).toBe(
      '2024-05-01T12:00:00.001000Z web | hello\n2024-05-01T12:00:01.000000Z db | \x1b[31moops\x1b[0m\n',
    );
  });
});
