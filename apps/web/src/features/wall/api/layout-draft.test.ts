import { describe, expect, it } from 'vitest';
import { draftFrom, newTile, validateDraft } from './layout-draft';

describe('layout draft', () => {
  it('starts with a useful page and saves it as the gateway wants it', () => {
    const draft = { ...draftFrom(), name: ' Ops room ' };
    const result = validateDraft(draft);
    expect(result).toEqual({
      ok: true,
      name: 'Ops room',
      config: {
        rotateSeconds: 30,
        pages: [{ tiles: [{ type: 'endpoints' }, { type: 'events' }] }],
      },
    });
  });

  it('says what is missing, tile by tile', () => {
    const result = validateDraft({
      name: '',
      rotateSeconds: 2,
      pages: [
        { title: '', tiles: [newTile('containers', ''), { ...newTile('charts', 'local') }] },
        { title: 'Empty', tiles: [] },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'Give the layout a name.',
      'Pages rotate every 5 to 3600 seconds.',
      'Page 1, tile 1: choose an endpoint.',
      'Page 1, tile 2: choose at least one container to chart.',
      'Page 2 has no tiles.',
    ]);
  });

  it('round-trips a saved layout', () => {
    const config = {
      rotateSeconds: 15,
      pages: [
        {
          title: 'Build',
          tiles: [
            { type: 'containers' as const, endpoint: 'build' },
            { type: 'charts' as const, endpoint: 'build', containers: ['web', 'db'] },
            { type: 'events' as const, endpoint: 'build' },
            { type: 'services' as const, endpoint: 'swarm' },
          ],
        },
      ],
    };
    expect(validateDraft(draftFrom({ name: 'Build', config }))).toEqual({
      ok: true,
      name: 'Build',
      config,
    });
  });
});
