// The layout editor's working copy: tiles as plain objects with a `type` and the fields that type
// uses, validated against the shared zod schema (the same one the gateway applies) before saving.
import { wallLayoutConfig } from '@berth/api';
import type { WallLayoutConfig, WallTile } from '@berth/api';

export type TileType = WallTile['type'];

export interface DraftTile {
  type: TileType;
  endpoint: string;
  /** charts: container names, one per line in the form */
  containers: string[];
}

export interface DraftPage {
  title: string;
  tiles: DraftTile[];
}

export interface LayoutDraft {
  name: string;
  rotateSeconds: number;
  pages: DraftPage[];
}

export function newTile(type: TileType, endpoint: string): DraftTile {
  return { type, endpoint: type === 'endpoints' ? '' : endpoint, containers: [] };
}

export function draftFrom(layout?: { name: string; config: WallLayoutConfig }): LayoutDraft {
  if (!layout)
    return {
      name: '',
      rotateSeconds: 30,
      pages: [{ title: '', tiles: [newTile('endpoints', ''), newTile('events', '')] }],
    };
  return {
    name: layout.name,
    rotateSeconds: layout.config.rotateSeconds,
    pages: layout.config.pages.map((page) => ({
      title: page.title ?? '',
      tiles: page.tiles.map((tile) => ({
        type: tile.type,
        endpoint: 'endpoint' in tile ? (tile.endpoint ?? '') : '',
        containers: tile.type === 'charts' ? tile.containers : [],
      })),
    })),
  };
}

function toTile(tile: DraftTile): WallTile {
  switch (tile.type) {
    case 'endpoints':
      return { type: 'endpoints' };
    case 'events':
      return tile.endpoint ? { type: 'events', endpoint: tile.endpoint } : { type: 'events' };
    case 'charts':
      return { type: 'charts', endpoint: tile.endpoint, containers: tile.containers };
    case 'containers':
    case 'services':
      return { type: tile.type, endpoint: tile.endpoint };
  }
}

export type DraftResult =
  { ok: true; name: string; config: WallLayoutConfig } | { ok: false; errors: string[] };

/** Checks the draft in words a person can act on; on success, the gateway's body. */
export function validateDraft(draft: LayoutDraft): DraftResult {
  const errors: string[] = [];
  if (!draft.name.trim()) errors.push('Give the layout a name.');
  if (
    !Number.isInteger(draft.rotateSeconds) ||
    draft.rotateSeconds < 5 ||
    draft.rotateSeconds > 3600
  )
    errors.push('Pages rotate every 5 to 3600 seconds.');
  if (draft.pages.length === 0) errors.push('A layout needs at least one page.');
  draft.pages.forEach((page, p) => {
    const where = `Page ${p + 1}`;
    if (page.tiles.length === 0) errors.push(`${where} has no tiles.`);
    if (page.tiles.length > 12) errors.push(`${where} has more than 12 tiles.`);
    page.tiles.forEach((tile, t) => {
      const what = `${where}, tile ${t + 1}`;
      if (
        (tile.type === 'containers' || tile.type === 'charts' || tile.type === 'services') &&
        !tile.endpoint
      )
        errors.push(`${what}: choose an endpoint.`);
      if (tile.type === 'charts' && tile.containers.length === 0)
        errors.push(`${what}: choose at least one container to chart.`);
      if (tile.type === 'charts' && tile.containers.length > 12)
        errors.push(`${what}: chart at most 12 containers.`);
    });
  });
  if (errors.length) return { ok: false, errors };
  const parsed = wallLayoutConfig.safeParse({
    rotateSeconds: draft.rotateSeconds,
    pages: draft.pages.map((page) => ({
      ...(page.title.trim() ? { title: page.title.trim() } : {}),
      tiles: page.tiles.map(toTile),
    })),
  });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  return { ok: true, name: draft.name.trim(), config: parsed.data };
}
