import { describe, expect, it } from 'vitest';
import { endpointsOf, gridFor, pageAt } from './wall-grid';

describe('wall grid', () => {
  it('fits any tile count on a 16:9 screen', () => {
    expect(gridFor(1)).toEqual({ columns: 1, rows: 1 });
    expect(gridFor(2)).toEqual({ columns: 2, rows: 1 });
    expect(gridFor(4)).toEqual({ columns: 2, rows: 2 });
    expect(gridFor(5)).toEqual({ columns: 3, rows: 2 });
    expect(gridFor(12)).toEqual({ columns: 4, rows: 3 });
  });

  it('rotates pages on the timer and wraps around', () => {
    expect(pageAt(0, 30, 3)).toBe(0);
    expect(pageAt(29_999, 30, 3)).toBe(0);
    expect(pageAt(30_000, 30, 3)).toBe(1);
    expect(pageAt(90_000, 30, 3)).toBe(0);
    expect(pageAt(1e9, 30, 1)).toBe(0);
  });

  it('lists the endpoints the tiles read, once each', () => {
    expect(
      endpointsOf([
        { type: 'endpoints' },
        { type: 'containers', endpoint: 'a' },
        { type: 'events' },
        { type: 'charts', endpoint: 'b', containers: ['x'] },
        { type: 'services', endpoint: 'a' },
      ]),
    ).toEqual(['a', 'b']);
  });
});
