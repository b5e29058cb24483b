import { describe, expect, it } from 'vitest';
import { applyProgress, EMPTY_PROGRESS, overallFraction } from './pull-progress';
import type { ProgressState } from './pull-progress';

function fold(messages: object[]): ProgressState {
  return messages.reduce<ProgressState>((state, m) => applyProgress(state, m), EMPTY_PROGRESS);
}

describe('applyProgress', () => {
  it('tracks each layer of a pull through download and extract', () => {
    const state = fold([
      { status: 'Pulling from library/alpine', id: 'latest' },
      { status: 'Pulling fs layer', id: 'aaaaaaaaaaaa' },
      { status: 'Pulling fs layer', id: 'bbbbbbbbbbbb' },
      { status: 'Downloading', id: 'aaaaaaaaaaaa', progressDetail: { current: 50, total: 100 } },
      { status: 'Already exists', id: 'bbbbbbbbbbbb' },
    ]);
    expect(state.layers.map((l) => l.id)).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
    expect(state.layers[0]?.fraction).toBe(0.25);
    expect(state.layers[1]?.done).toBe(true);
    expect(overallFraction(state)).toBeCloseTo(0.625);
    expect(state.notes).toEqual(['latest: Pulling from library/alpine']);
  });

  it("folds an import's upload lines (no id) into one bar, and keeps the new id as a note", () => {
    const state = fold([
      { status: 'Importing', progressDetail: { current: 10, total: 40 }, progress: '[=>  ]' },
      { status: 'Importing', progressDetail: { current: 30, total: 40 }, progress: '[==> ]' },
      { status: 'sha256:0123abcd' },
    ]);
    expect(state.layers).toHaveLength(1);
    expect(state.layers[0]?.fraction).toBe(0.75);
    expect(state.notes).toEqual(['sha256:0123abcd']);
  });

  it('reaches one when every layer is complete', () => {
    const state = fold([
      { status: 'Extracting', id: 'aaaaaaaaaaaa', progressDetail: { current: 1, total: 2 } },
      { status: 'Pull complete', id: 'aaaaaaaaaaaa' },
      { status: 'Status: Downloaded newer image for x:latest' },
    ]);
    expect(overallFraction(state)).toBe(1);
    expect(state.notes).toContain('Status: Downloaded newer image for x:latest');
  });

  it('keeps the engine error as said', () => {
    const state = fold([{ error: 'pull access denied for nope', errorDetail: { message: 'x' } }]);
    expect(state.error).toBe('pull access denied for nope');
  });

  it('never moves a bar backwards', () => {
    const state = fold([
      { status: 'Extracting', id: 'aaaaaaaaaaaa', progressDetail: { current: 2, total: 2 } },
      { status: 'Verifying Checksum', id: 'aaaaaaaaaaaa' },
    ]);
    expect(state.layers[0]?.fraction).toBe(1 * 0.999);
  });
});
