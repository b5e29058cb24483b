// The browser's copy of the gateway's engine model (docs/protocol.md, "The engine model"): the
// lists paint from it and no event refetches a whole list. It rides on the endpoint's events
// socket; after a reconnect it asks for the deltas it missed, or gets a fresh snapshot.
import { ModelReplica } from '@berth/api';
import type { ModelKind, ModelMessage, ModelRequest, ModelRows } from '@berth/api';
import type { Schedule } from './event-cache-sync';
import { nextFrame } from './event-cache-sync';

export type ModelState = 'idle' | 'loading' | 'ready';

export interface ModelStoreOptions {
  /** Sends a request on the events socket; false when the socket is not open. */
  send: (request: ModelRequest) => boolean;
  /** When listeners hear of changes: once per frame, however many messages came. */
  schedule?: Schedule;
}

type Listener = () => void;

export class ModelStore {
  private replica = new ModelReplica();
  private readonly listeners = new Set<Listener>();
  private readonly cache = new Map<ModelKind, readonly unknown[]>();
  private pending = false;
  private wanted = 0;
  private subscribed = false;
  private disposed = false;
  error: string | null = null;
  /** Full snapshots received (the first and any resync), for diagnostics and tests. */
  snapshots = 0;

  constructor(private readonly options: ModelStoreOptions) {}

  get state(): ModelState {
    if (this.replica.complete) return 'ready';
    return this.subscribed ? 'loading' : 'idle';
  }

  get swarm(): boolean {
    return this.replica.swarm;
  }

  /** The rows of one kind, the same array until that kind changes (for useSyncExternalStore). */
  rows<K extends ModelKind>(kind: K): readonly ModelRows[K][] {
    let rows = this.cache.get(kind);
    if (!rows) {
      rows = [...this.replica.rows(kind)];
      this.cache.set(kind, rows);
    }
    return rows as readonly ModelRows[K][];
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A list that paints from the model holds it while mounted; the first one subscribes. */
  retain(): () => void {
    this.wanted++;
    if (!this.subscribed) this.subscribe();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.wanted--;
    };
  }

  /** The events socket (re)opened: subscribe again from where the replica stands. */
  socketOpened(): void {
    this.subscribed = false;
    if (this.wanted > 0 || this.replica.complete) this.subscribe();
  }

  /** Returns true when the message was the model's. */
  handle(message: ModelMessage | { type: string }): boolean {
    if (typeof message.type !== 'string' || !message.type.startsWith('model.')) return false;
    const model = message as ModelMessage;
    if (model.type === 'model.error') {
      this.error = model.message;
      this.notifySoon();
      return true;
    }
    if (model.type === 'model.snapshot' && model.page === 0) this.snapshots++;
    const update = this.replica.apply(model);
    for (const kind of update.changed) this.cache.delete(kind);
    if (update.resync) {
      // Something was missed in a way deltas cannot mend: start over from a snapshot.
      this.subscribe(false);
    }
    if (update.changed.size > 0 || model.type === 'model.snapshot') this.notifySoon();
    return true;
  }

  /** Asks for a whole new snapshot (the list's Refresh button). */
  refresh(): void {
    this.subscribe(false);
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  private subscribe(fromPosition = true): void {
    const since = fromPosition ? this.replica.position : undefined;
    this.subscribed = this.options.send({ type: 'model.subscribe', ...(since ? { since } : {}) });
    this.notifySoon();
  }

  private notifySoon(): void {
    if (this.pending || this.disposed) return;
    this.pending = true;
    (this.options.schedule ?? nextFrame)(() => {
      this.pending = false;
      if (this.disposed) return;
      for (const listener of this.listeners) listener();
    });
  }
}
