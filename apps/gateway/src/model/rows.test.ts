import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROW_MAPPERS } from './rows';

/** A recorded answer of a real PouchContainer 1.3.0 (packages/api/fixtures). */
function pouchFixture(name: string): { body: unknown } {
  return JSON.parse(
    readFileSync(
      new URL(`../../../../packages/api/fixtures/pouch-1.3.0/${name}.json`, import.meta.url),
      'utf8',
    ),
  ) as { body: unknown };
}

describe('model rows from pouchd answers', () => {
  it('an image of pouchd (CreatedAt, no Created) keeps its creation time and names', () => {
    const list = pouchFixture('images-list').body as unknown[];
    const rows = list.map((raw) => ROW_MAPPERS.images(raw)) as Array<{
      created: number;
      tags: string[];
    }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Number.isFinite(row.created)).toBe(true);
      expect(row.created).toBeGreaterThan(1_500_000_000);
    }
    expect(rows.some((row) => row.tags.length > 0)).toBe(true);
  });
});
