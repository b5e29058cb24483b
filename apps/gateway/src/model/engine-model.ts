import { randomBytes } from 'node:crypto';
import type {
  EngineEvent,
  EventsMessage,
  ModelChange,
  ModelContainer,
  ModelKind,
  ModelMessage,
  ModelPosition,
  ModelRow,
  ModelTask,
  SystemInfo,
} from '@berth/api';
import { MODEL_KINDS, MODEL_PAGE_ROWS } from '@berth/api';
import type { Endpoint } from '../endpoints/endpoint';
import type { EventsHub } from '../hubs/events-hub';
import type { Logger } from '../logger';
import { ROW_MAPPERS, changedFields, settleSince } from './rows';

export interface EngineModelOptions {
  /** Events within this window become one filtered list call per kind. */
  batchMs?: number;
  /** After the last watcher leaves, the model is kept this long, then dropped. */
  idleDropMs?: number;
  /** Deltas kept for clients that reconnect, counted in changes. */
  historyChanges?: number;
}

const SWARM_KINDS: readonly ModelKind[] = ['services', 'tasks', 'nodes'];
/** Ids per filtered list call: keeps the request line well under any engine's limit. */
const IDS_PER_CALL = 50;
/** Large lists take a while on a busy engine (0.7 s for 5,000 containers here). */
const LIST_TIMEOUT_MS = 120_000;
const RETRY_MS = 2_000;
/**
 * Swarm tasks change state with no event of their own: after a service event the service's tasks
 * are read again a little later, when the scheduler has moved them on.
 */
const TASK_FOLLOW_UP_MS = [1_000, 5_000];
/**
 * …and many moves have no event this engine hears at all (a node goes down and the scheduler
 * places its tasks elsewhere; a task on another node starts): while a swarm manager's model is
 * watched, its tasks are read again this often. Nodes too: a promoted node's manager status
 * (reachable, leader) arrives with no event of its own. One call each per endpoint, whatever the
 * number of viewers, and only a change makes a delta.
 */
const TASK_POLL_MS = 2_000;
const NETWORK_FOLLOW_UP_MS = [200, 1_500];
/** Container events that change nothing a list shows. */
const QUIET_CONTAINER_ACTIONS = new Set([
  'attach',
  'detach',
  'resize',
  'top',
  'archive-path',
  'extract-to-dir',
  'export',
  'copy',
]);

const LIST_PATHS: Record<ModelKind, string> = {
  containers: '/containers/json',
  images: '/images/json',
  networks: '/networks',
  volumes: '/volumes',
  services: '/services',
  tasks: '/tasks',
  nodes: '/nodes',
};

/** Container events whose time is when the container's new state began. */
const STATE_ACTIONS = new Set(['start', 'die', 'restart', 'unpause', 'pause']);

type Table = Map<string, ModelRow>;
/** A delta as sent: serialised once for every watcher. */
export interface ModelDelta {
  version: number;
  changes: ModelChange[];
  text: string;
}
export type DeltaListener = (delta: ModelDelta) => void;

/** What a filtered fetch is authoritative for: the current rows it may remove. */
type Scope = (id: string, row: ModelRow) => boolean;

interface Work {
  resync: boolean;
  /** Kinds to read whole (images have no id filter). */
  full: Set<ModelKind>;
  ids: Record<ModelKind, Set<string>>;
  /** Services whose tasks to read. */
  taskServices: Set<string>;
}

function emptyWork(): Work {
  return {
    resync: false,
    full: new Set(),
    ids: Object.fromEntries(MODEL_KINDS.map((kind) => [kind, new Set<string>()])) as Record<
      ModelKind,
      Set<string>
    >,
    taskServices: new Set(),
  };
}

function hasWork(work: Work): boolean {
  return (
    work.resync ||
    work.full.size > 0 ||
    work.taskServices.size > 0 ||
    MODEL_KINDS.some((kind) => work.ids[kind].size > 0)
  );
}

/**
 * One endpoint's engine, as the lists show it: built from the list calls, kept current from the
 * shared events stream (each changed object read again by a filtered list call, batched over a
 * few ms), read whole again after any gap in the events (reconnect, engine restart), and dropped
 * when nobody has watched for a while. Every change is a versioned delta; the last ones are kept
 * so a client that reconnects gets what it missed instead of a new snapshot.
 */
export class EngineModel {
  private readonly tables = Object.fromEntries(
    MODEL_KINDS.map((kind) => [kind, new Map()]),
  ) as Record<ModelKind, Table>;
  epoch = newEpoch();
  version = 0;
  swarm = false;
  private ready = false;
  private readyWaiters: Array<() => void> = [];
  private history: ModelDelta[] = [];
  private historySize = 0;
  private work = emptyWork();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private watchers = 0;
  private readonly listeners = new Set<DeltaListener>();
  private idleTimer: NodeJS.Timeout | null = null;
  private unsubscribeEvents: (() => void) | null = null;
  private readonly followUps = new Set<NodeJS.Timeout>();
  private taskPoll: NodeJS.Timeout | null = null;
  /** Exact state-change times from events, used by the next read of each container. */
  private readonly stateEvents = new Map<string, number>();
  private snapshotCache: {
    key: string;
    pages: Array<ModelMessage | null>;
    texts: string[];
  } | null = null;
  private readonly batchMs: number;
  private readonly idleDropMs: number;
  private readonly historyChanges: number;

  constructor(
    readonly endpoint: Endpoint,
    private readonly events: EventsHub,
    private readonly logger: Logger,
    options: EngineModelOptions = {},
  ) {
    this.batchMs = options.batchMs ?? 5;
    this.idleDropMs = options.idleDropMs ?? 60_000;
    this.historyChanges = options.historyChanges ?? 20_000;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** True while the model is built or kept (someone watches, or did a moment ago). */
  get active(): boolean {
    return this.unsubscribeEvents !== null;
  }

  rows<K extends ModelKind>(kind: K): ModelRow[] {
    return [...this.tables[kind].values()];
  }

  /** Keeps the model current while the returned function is not called. */
  watch(): () => void {
    this.watchers++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.unsubscribeEvents) this.start();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.watchers--;
      if (this.watchers > 0) return;
      this.idleTimer = setTimeout(() => this.drop(), this.idleDropMs);
      this.idleTimer.unref();
    };
  }

  /** Resolves once the model was built (at once when it is). */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  onDelta(listener: DeltaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The whole model as snapshot pages, containers first. */
  snapshot(): ModelMessage[] {
    const pages: ModelMessage[] = [];
    let rows: Partial<Record<ModelKind, ModelRow[]>> = {};
    let count = 0;
    const flush = (last: boolean) => {
      pages.push({
        type: 'model.snapshot',
        epoch: this.epoch,
        version: this.version,
        page: pages.length,
        last,
        swarm: this.swarm,
        rows: rows as Extract<ModelMessage, { type: 'model.snapshot' }>['rows'],
      });
      rows = {};
      count = 0;
    };
    for (const kind of MODEL_KINDS) {
      for (const row of this.tables[kind].values()) {
        (rows[kind] ??= []).push(row);
        if (++count === MODEL_PAGE_ROWS) flush(false);
      }
    }
    flush(true);
    return pages;
  }

  /**
   * The snapshot pages as sent, serialised once per version for every client that asks, each
   * when first asked for: a socket write goes to the kernel at once, so the client has page 0
   * while the gateway still writes the others (at 20,000 containers, 40 pages and 12 MB).
   */
  *snapshotTexts(): Generator<string> {
    const key = `${this.epoch}:${this.version}`;
    if (this.snapshotCache?.key !== key) {
      this.snapshotCache = { key, pages: this.snapshot(), texts: [] };
    }
    const cache = this.snapshotCache;
    for (let i = 0; i < cache.pages.length; i++) {
      let text = cache.texts[i];
      if (text === undefined) {
        text = JSON.stringify(cache.pages[i]);
        cache.texts[i] = text;
        // The page's rows live on in the tables; its text is all the cache needs from now on.
        cache.pages[i] = null;
      }
      yield text;
    }
  }

  /** The deltas after `since`, or null when they are no longer kept (send a snapshot). */
  deltasSince(since: ModelPosition): ModelDelta[] | null {
    if (since.epoch !== this.epoch || since.version > this.version) return null;
    if (since.version === this.version) return [];
    const first = this.history[0];
    if (!first || first.version > since.version + 1) return null;
    return this.history.filter((delta) => delta.version > since.version);
  }

  close(): void {
    this.drop();
  }

  // ── lifecycle ───────────────────────────────────────────────────────────

  private start(): void {
    this.epoch = newEpoch();
    this.version = 0;
    this.ready = false;
    // The events stream says `up` at once when it is (and after every reconnect): each `up`
    // means events may have been missed, so the model is read whole then. That first `up`
    // comes inside subscribe(), so the model counts as started before it: otherwise the read
    // it asks for was not scheduled, and the model stayed unbuilt until the engine's next event.
    this.unsubscribeEvents = () => undefined;
    this.unsubscribeEvents = this.events.subscribe((message) => this.onEvents(message));
  }

  private drop(): void {
    if (this.watchers > 0 && this.unsubscribeEvents) return;
    this.unsubscribeEvents?.();
    this.unsubscribeEvents = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.timer) clearTimeout(this.timer);
    for (const timer of this.followUps) clearTimeout(timer);
    this.followUps.clear();
    if (this.taskPoll) clearInterval(this.taskPoll);
    this.taskPoll = null;
    this.idleTimer = null;
    this.timer = null;
    this.work = emptyWork();
    for (const table of Object.values(this.tables)) table.clear();
    this.history = [];
    this.historySize = 0;
    this.snapshotCache = null;
    this.stateEvents.clear();
    this.ready = false;
    this.swarm = false;
    this.logger.debug({ endpoint: this.endpoint.id }, 'engine model dropped');
  }

  private onEvents(message: EventsMessage): void {
    if (message.type === 'engine') {
      if (message.status === 'up') {
        this.work.resync = true;
        // A retry waiting after a failed read need not wait any longer.
        if (this.timer && !this.running) clearTimeout(this.timer);
        this.timer = null;
        this.schedule(0);
      }
      return;
    }
    this.note(message.event);
  }

  /** Records what an event may have changed; the next batch reads it again. */
  private note(event: EngineEvent): void {
    const { Type: type, Action: action, Actor: actor } = event;
    const id = actor.ID;
    const work = this.work;
    switch (type) {
      case 'container': {
        const verb = action.split(':')[0] ?? action;
        if (verb.startsWith('exec_') || QUIET_CONTAINER_ACTIONS.has(verb)) return;
        if (id) work.ids.containers.add(id);
        if (id && STATE_ACTIONS.has(verb))
          this.stateEvents.set(id, Math.floor(event.timeNano / 1e6));
        if (verb === 'commit') work.full.add('images');
        const task = actor.Attributes['com.docker.swarm.task.id'];
        if (task && this.swarm) work.ids.tasks.add(task);
        break;
      }
      case 'image':
        work.full.add('images');
        break;
      case 'network': {
        if (id) work.ids.networks.add(id);
        const container = actor.Attributes.container;
        if (container) {
          work.ids.containers.add(container);
          // The engine tells of a connect before the container's own record shows the network.
          this.later(NETWORK_FOLLOW_UP_MS, (next) => next.ids.containers.add(container));
        }
        break;
      }
      case 'volume':
        if (action === 'mount' || action === 'unmount') return;
        if (id) work.ids.volumes.add(id);
        break;
      case 'service':
        // A swarm just made on this engine: the model learns it is a manager from /info.
        if (!this.swarm) work.resync = true;
        if (!id) return;
        work.ids.services.add(id);
        work.taskServices.add(id);
        this.later(TASK_FOLLOW_UP_MS, (next) => next.taskServices.add(id));
        break;
      case 'node':
        if (!this.swarm) work.resync = true;
        if (id) work.ids.nodes.add(id);
        // A node going down or coming back moves tasks: read them all again.
        work.full.add('tasks');
        // A node joining, leaving or promoted may be this engine becoming (or ending) a manager.
        if (action !== 'update') work.resync = true;
        break;
      case 'daemon':
        work.resync = true;
        break;
      default:
        return;
    }
    this.schedule(this.batchMs);
  }

  /** Adds to the work again after each delay: for changes the engine makes after its event. */
  private later(delays: readonly number[], add: (work: Work) => void): void {
    for (const delay of delays) {
      const timer = setTimeout(() => {
        this.followUps.delete(timer);
        add(this.work);
        this.schedule(0);
      }, delay);
      timer.unref();
      this.followUps.add(timer);
    }
  }

  private schedule(delay: number): void {
    if (this.running || this.timer || !this.unsubscribeEvents) return;
    this.timer = setTimeout(() => void this.run(), delay);
  }

  /** One batch at a time, so the answers of two reads of one object never cross. */
  private async run(): Promise<void> {
    this.timer = null;
    this.running = true;
    let failed = false;
    while (hasWork(this.work) && this.unsubscribeEvents) {
      // Taken before the reads: events that come during them are read again afterwards.
      const work = this.work;
      this.work = emptyWork();
      try {
        await this.perform(work);
      } catch (error) {
        // The engine went away mid-read (its events stream says `up` again later) or answered
        // an error: read it whole again, a little later.
        this.logger.debug({ err: error, endpoint: this.endpoint.id }, 'engine model read failed');
        this.work.resync = true;
        failed = true;
        break;
      }
    }
    this.running = false;
    if (failed && this.unsubscribeEvents) {
      this.timer = setTimeout(() => void this.run(), RETRY_MS);
      this.timer.unref();
    }
  }

  private async perform(work: Work): Promise<void> {
    const changes: ModelChange[] = [];
    try {
      if (work.resync) await this.resync(changes);
      else await this.readChanged(work, changes);
    } finally {
      // The tables already hold what was read before a later read of the batch failed: those
      // changes are sent now, or no client would ever hear of them (the resync that follows
      // finds the tables already agreeing with the engine).
      this.commit(changes);
    }
    this.pollTasks();
    if (!this.ready && work.resync) {
      this.ready = true;
      for (const resolve of this.readyWaiters.splice(0)) resolve();
      this.logger.debug(
        { endpoint: this.endpoint.id, containers: this.tables.containers.size },
        'engine model built',
      );
    }
  }

  /** Reads again what the batch's events named. */
  private async readChanged(work: Work, changes: ModelChange[]): Promise<void> {
    for (const kind of work.full) {
      if (SWARM_KINDS.includes(kind) && !this.swarm) continue;
      await this.readAll(kind, changes);
    }
    for (const kind of MODEL_KINDS) {
      const ids = [...work.ids[kind]];
      if (ids.length === 0 || work.full.has(kind)) continue;
      if (SWARM_KINDS.includes(kind) && !this.swarm) continue;
      await this.readIds(kind, ids, changes);
    }
    if (this.swarm && work.taskServices.size > 0 && !work.full.has('tasks')) {
      const services = [...work.taskServices];
      const wanted = new Set(services);
      let found: ModelRow[];
      try {
        found = await this.read('tasks', { service: services });
      } catch (error) {
        // The engine answers 404 for a task filter naming a service that is gone (just
        // removed): read the tasks whole, which also drops the removed service's.
        if (!(error instanceof EngineAnswer) || error.status !== 404) throw error;
        await this.readAll('tasks', changes);
        return;
      }
      this.apply('tasks', found, (_id, row) => wanted.has((row as ModelTask).serviceId), changes);
    }
  }

  /** Keeps reading the tasks while this model is a swarm manager's (see TASK_POLL_MS). */
  private pollTasks(): void {
    if (!this.swarm) {
      if (this.taskPoll) clearInterval(this.taskPoll);
      this.taskPoll = null;
      return;
    }
    if (this.taskPoll) return;
    this.taskPoll = setInterval(() => {
      if (!this.swarm || !this.unsubscribeEvents) return;
      this.work.full.add('tasks');
      this.work.full.add('nodes');
      this.schedule(0);
    }, TASK_POLL_MS);
    this.taskPoll.unref();
  }

  private async resync(changes: ModelChange[]): Promise<void> {
    const info = await this.endpoint.transport.json<
      SystemInfo & { Swarm?: { ControlAvailable?: boolean } }
    >('GET', this.endpoint.versionedPath('/info'), { timeoutMs: LIST_TIMEOUT_MS });
    this.swarm = info.status === 200 && info.body.Swarm?.ControlAvailable === true;
    // Every list at once: the engine answers the small ones while it builds the containers list
    // (the long one), so the model is whole about when that list is in.
    const lists = await Promise.all(
      MODEL_KINDS.map((kind) =>
        SWARM_KINDS.includes(kind) && !this.swarm ? [] : this.read(kind, {}),
      ),
    );
    MODEL_KINDS.forEach((kind, i) => this.apply(kind, lists[i] ?? [], () => true, changes));
  }

  private async readAll(kind: ModelKind, changes: ModelChange[]): Promise<void> {
    this.apply(kind, await this.read(kind, {}), () => true, changes);
  }

  /** Reads the objects named by `ids`; those the engine no longer lists are removed. */
  private async readIds(kind: ModelKind, ids: string[], changes: ModelChange[]): Promise<void> {
    const filter = kind === 'volumes' ? 'name' : 'id';
    for (let i = 0; i < ids.length; i += IDS_PER_CALL) {
      const chunk = ids.slice(i, i + IDS_PER_CALL);
      const wanted = new Set(chunk);
      let found: ModelRow[];
      try {
        found = await this.read(kind, { [filter]: chunk });
      } catch (error) {
        if (!(error instanceof EngineAnswer) || error.status >= 500) throw error;
        // An engine that does not know this filter (PouchContainer): read the kind whole.
        await this.readAll(kind, changes);
        return;
      }
      // Filters match by prefix or pattern: keep exactly the objects asked about.
      this.apply(
        kind,
        found.filter((row) => wanted.has(row.id)),
        (id) => wanted.has(id),
        changes,
      );
    }
  }

  private async read(kind: ModelKind, filters: Record<string, string[]>): Promise<ModelRow[]> {
    const query = new URLSearchParams();
    if (kind === 'containers') query.set('all', '1');
    if (Object.keys(filters).length > 0) query.set('filters', JSON.stringify(filters));
    const path = LIST_PATHS[kind];
    const search = query.toString();
    const mapRow = ROW_MAPPERS[kind];
    // Rows are made as the engine's answer arrives (20,000 containers: the parse overlaps the
    // engine writing them); an answer that is not a plain array (volumes) is read whole.
    const answer = await this.endpoint.transport.jsonList<ModelRow>(
      this.endpoint.versionedPath(path) + (search ? `?${search}` : ''),
      (item) => mapRow(item),
      { timeoutMs: LIST_TIMEOUT_MS },
    );
    if (answer.status !== 200) throw new EngineAnswer(kind, answer.status, answer.body);
    if (answer.items) return answer.items;
    const body = answer.body as { Volumes?: unknown[] | null } | unknown[] | null;
    const list = Array.isArray(body) ? body : ((body?.Volumes ?? []) as unknown[]);
    return list.map((item) => mapRow(item));
  }

  /** Makes `kind` hold `found` within `scope`, recording each difference as a change. */
  private apply(kind: ModelKind, found: ModelRow[], scope: Scope, changes: ModelChange[]): void {
    const table = this.tables[kind];
    const seen = new Set<string>();
    const readAt = Date.now();
    for (const fetched of found) {
      const previous = table.get(fetched.id);
      let row = fetched;
      if (kind === 'containers') {
        const eventAt = this.stateEvents.get(row.id);
        this.stateEvents.delete(row.id);
        row = settleSince(
          previous as ModelContainer | undefined,
          row as ModelContainer,
          eventAt,
          readAt,
        );
      }
      seen.add(row.id);
      table.set(row.id, row);
      if (!previous) {
        if (this.ready) changes.push({ op: 'added', kind, id: row.id, row });
        continue;
      }
      const fields = changedFields(previous, row);
      if (fields && this.ready) changes.push({ op: 'changed', kind, id: row.id, fields });
    }
    for (const [id, row] of table) {
      if (seen.has(id) || !scope(id, row)) continue;
      table.delete(id);
      if (this.ready) changes.push({ op: 'removed', kind, id });
    }
  }

  private commit(changes: ModelChange[]): void {
    if (changes.length === 0) return;
    this.version++;
    // The first build has no listener (clients wait for it, then take a snapshot) and no client
    // can ask for deltas before it: writing them out would serialise every row once more
    // (20,000 containers: megabytes of JSON) before the first page could go out.
    if (!this.ready) return;
    const message: ModelMessage = {
      type: 'model.delta',
      epoch: this.epoch,
      version: this.version,
      swarm: this.swarm,
      changes,
    };
    const delta: ModelDelta = { version: this.version, changes, text: JSON.stringify(message) };
    this.history.push(delta);
    this.historySize += changes.length;
    while (this.historySize > this.historyChanges && this.history.length > 1) {
      this.historySize -= this.history.shift()?.changes.length ?? 0;
    }
    for (const listener of this.listeners) listener(delta);
  }
}

/** An engine's non-200 answer to a list call. */
class EngineAnswer extends Error {
  constructor(
    kind: string,
    readonly status: number,
    body: unknown,
  ) {
    const message = (body as { message?: string } | undefined)?.message;
    super(
      `the engine answered the ${kind} list with HTTP ${status}${message ? `: ${message}` : ''}`,
    );
  }
}

function newEpoch(): string {
  return randomBytes(6).toString('hex');
}
