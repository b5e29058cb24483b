import type { ModelContainer, ModelMessage, ModelRequest } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { ModelStore } from './model-store';

function container(id: string, state: ModelContainer['state'] = 'running'): ModelContainer {
  return {
    id,
    shortId: id.slice(0, 12),
    name: `c-${id}`,
    image: 'busybox',
    state,
    status: state === 'running' ? 'Up 2 seconds' : 'Exited (0) 2 seconds ago',
    health: null,
    ports: [],
    ips: [],
    created: 0,
    command: 'sleep',
    labels: {},
    networks: [],
    volumes: [],
    imageId: 'sha256:1',
    since: 1000,
  };
}

function snapshot(
  epoch: string,
  version: number,
  pages: ModelContainer[][],
): Extract<ModelMessage, { type: 'model.snapshot' }>[] {
  return pages.map((rows, page) => ({
    type: 'model.snapshot',
    epoch,
    version,
    page,
    last: page === pages.length - 1,
    swarm: false,
    rows: { containers: rows },
  }));
}

function setup() {
  const sent: ModelRequest[] = [];
  let open = true;
  const store = new ModelStore({
    send: (request) => {
      if (open) sent.push(request);
      return open;
    },
    schedule: (run) => run(),
  });
  let notified = 0;
  store.onChange(() => notified++);
  return {
    store,
    sent,
    notified: () => notified,
    setOpen: (value: boolean) => (open = value),
  };
}

const ids = (store: ModelStore) =>
  store
    .rows('containers')
    .map((row) => row.id)
    .sort();

describe('ModelStore', () => {
  it('subscribes when a list retains it, and paints the first page before the last arrives', () => {
    const { store, sent } = setup();
    expect(store.state).toBe('idle');
    store.retain();
    expect(sent).toEqual([{ type: 'model.subscribe' }]);
    expect(store.state).toBe('loading');
    const [first, second] = snapshot('e1', 4, [[container('a'), container('b')], [container('c')]]);
    store.handle(first!);
    expect(store.state).toBe('loading');
    expect(ids(store)).toEqual(['a', 'b']);
    store.handle(second!);
    expect(store.state).toBe('ready');
    expect(ids(store)).toEqual(['a', 'b', 'c']);
  });

  it('applies added, changed-fields and removed deltas in version order', () => {
    const { store } = setup();
    store.retain();
    for (const page of snapshot('e1', 4, [[container('a'), container('b')]])) store.handle(page);
    const before = store.rows('containers');
    store.handle({
      type: 'model.delta',
      epoch: 'e1',
      version: 5,
      swarm: false,
      changes: [
        { op: 'added', kind: 'containers', id: 'c', row: container('c') },
        {
          op: 'changed',
          kind: 'containers',
          id: 'a',
          fields: { state: 'exited', status: 'Exited (0)' },
        },
        { op: 'removed', kind: 'containers', id: 'b' },
      ],
    });
    const after = store.rows('containers');
    expect(after).not.toBe(before);
    expect(ids(store)).toEqual(['a', 'c']);
    const a = after.find((row) => row.id === 'a');
    expect(a).toMatchObject({ state: 'exited', status: 'Exited (0)', name: 'c-a' });
    // Other kinds keep their arrays: their lists do not re-render.
    expect(store.rows('images')).toBe(store.rows('images'));
  });

  it('ignores a delta it already has, and resubscribes for a snapshot when one was skipped', () => {
    const { store, sent } = setup();
    store.retain();
    for (const page of snapshot('e1', 4, [[container('a')]])) store.handle(page);
    const repeat = {
      type: 'model.delta',
      epoch: 'e1',
      version: 4,
      swarm: false,
      changes: [],
    } as const;
    store.handle(repeat);
    expect(sent).toHaveLength(1);
    store.handle({
      ...repeat,
      version: 6,
      changes: [{ op: 'removed', kind: 'containers', id: 'a' }],
    });
    // Version 5 never came: the row stays, and a fresh snapshot is asked for (no position).
    expect(ids(store)).toEqual(['a']);
    expect(sent.at(-1)).toEqual({ type: 'model.subscribe' });
  });

  it('after a reconnect asks for what it missed, from its epoch and version', () => {
    const { store, sent } = setup();
    store.retain();
    for (const page of snapshot('e1', 7, [[container('a')]])) store.handle(page);
    store.socketOpened();
    expect(sent.at(-1)).toEqual({ type: 'model.subscribe', since: { epoch: 'e1', version: 7 } });
  });

  it('keeps showing the old rows while a replacing snapshot arrives, then swaps', () => {
    const { store } = setup();
    store.retain();
    for (const page of snapshot('e1', 7, [[container('a'), container('b')]])) store.handle(page);
    const [first, second] = snapshot('e2', 0, [[container('x')], [container('y')]]);
    store.handle(first!);
    expect(ids(store)).toEqual(['a', 'b']);
    store.handle(second!);
    expect(ids(store)).toEqual(['x', 'y']);
    expect(store.state).toBe('ready');
  });

  it('a page out of order is a resync, not a half-built list', () => {
    const { store, sent } = setup();
    store.retain();
    const pages = snapshot('e1', 1, [[container('a')], [container('b')], [container('c')]]);
    store.handle(pages[0]!);
    store.handle(pages[2]!);
    expect(sent.at(-1)).toEqual({ type: 'model.subscribe' });
    expect(store.state).toBe('loading');
  });

  it('a change to a row it does not hold is a resync', () => {
    const { store, sent } = setup();
    store.retain();
    for (const page of snapshot('e1', 1, [[container('a')]])) store.handle(page);
    store.handle({
      type: 'model.delta',
      epoch: 'e1',
      version: 2,
      swarm: false,
      changes: [{ op: 'changed', kind: 'containers', id: 'zzz', fields: { state: 'exited' } }],
    });
    expect(sent).toHaveLength(2);
    expect(sent.at(-1)).toEqual({ type: 'model.subscribe' });
  });

  it('leaves events messages to the events code', () => {
    const { store } = setup();
    expect(store.handle({ type: 'engine' })).toBe(false);
    expect(store.handle({ type: 'model.error', message: 'bad' } as ModelMessage)).toBe(true);
    expect(store.error).toBe('bad');
  });
});
