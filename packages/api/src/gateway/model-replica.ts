// A client's copy of the gateway's engine model, built from `model.*` messages. Framework-free:
// the web app's store wraps it, and the integration tests read the model through it too.
import type { ModelKind, ModelMessage, ModelPosition, ModelRow } from './model';
import { MODEL_KINDS } from './model';

export interface ReplicaUpdate {
  /** The kinds whose rows changed with this message. */
  changed: Set<ModelKind>;
  /**
   * The message does not follow from what the replica holds (a version skipped, another epoch,
   * a change to an unknown row): subscribe again, without a position, for a fresh snapshot.
   */
  resync: boolean;
}

type Tables = Record<ModelKind, Map<string, ModelRow>>;

function emptyTables(): Tables {
  return Object.fromEntries(MODEL_KINDS.map((kind) => [kind, new Map()])) as Tables;
}

export class ModelReplica {
  epoch: string | null = null;
  version = 0;
  /** True once a whole snapshot arrived: only then is `position` worth sending on reconnect. */
  complete = false;
  swarm = false;
  private tables = emptyTables();
  /** A snapshot replacing a complete model is gathered here, so the lists never flash empty. */
  private staging: Tables | null = null;
  private nextPage = 0;
  private receiving = false;

  rows(kind: ModelKind): IterableIterator<ModelRow> {
    return this.tables[kind].values();
  }

  get(kind: ModelKind, id: string): ModelRow | undefined {
    return this.tables[kind].get(id);
  }

  size(kind: ModelKind): number {
    return this.tables[kind].size;
  }

  /** What to send in `model.subscribe` so the gateway sends only what was missed. */
  get position(): ModelPosition | undefined {
    return this.complete && this.epoch !== null && !this.receiving
      ? { epoch: this.epoch, version: this.version }
      : undefined;
  }

  apply(message: ModelMessage): ReplicaUpdate {
    if (message.type === 'model.snapshot') return this.applySnapshot(message);
    if (message.type === 'model.delta') return this.applyDelta(message);
    return { changed: new Set(), resync: false };
  }

  private applySnapshot(page: Extract<ModelMessage, { type: 'model.snapshot' }>): ReplicaUpdate {
    const changed = new Set<ModelKind>();
    if (page.page === 0) {
      this.receiving = true;
      this.nextPage = 0;
      this.epoch = page.epoch;
      this.version = page.version;
      if (this.complete) {
        this.staging = emptyTables();
      } else {
        for (const kind of MODEL_KINDS) if (this.tables[kind].size > 0) changed.add(kind);
        this.tables = emptyTables();
      }
    } else if (
      !this.receiving ||
      page.page !== this.nextPage ||
      page.epoch !== this.epoch ||
      page.version !== this.version
    ) {
      return { changed, resync: true };
    }
    this.nextPage = page.page + 1;
    const target = this.staging ?? this.tables;
    for (const kind of MODEL_KINDS) {
      const rows = page.rows[kind];
      if (!rows || rows.length === 0) continue;
      for (const row of rows) target[kind].set(row.id, row);
      if (!this.staging) changed.add(kind);
    }
    if (page.last) {
      this.receiving = false;
      this.complete = true;
      this.swarm = page.swarm;
      if (this.staging) {
        for (const kind of MODEL_KINDS) {
          if (this.staging[kind].size > 0 || this.tables[kind].size > 0) changed.add(kind);
        }
        this.tables = this.staging;
        this.staging = null;
      }
    }
    return { changed, resync: false };
  }

  private applyDelta(delta: Extract<ModelMessage, { type: 'model.delta' }>): ReplicaUpdate {
    const changed = new Set<ModelKind>();
    if (delta.epoch === this.epoch && delta.version <= this.version)
      return { changed, resync: false };
    if (this.receiving || delta.epoch !== this.epoch || delta.version !== this.version + 1) {
      return { changed, resync: true };
    }
    for (const change of delta.changes) {
      const table = this.tables[change.kind];
      if (change.op === 'removed') {
        table.delete(change.id);
      } else if (change.op === 'added') {
        table.set(change.id, change.row);
      } else {
        const previous = table.get(change.id);
        if (!previous) return { changed, resync: true };
        table.set(change.id, { ...previous, ...change.fields } as ModelRow);
      }
      changed.add(change.kind);
    }
    this.version = delta.version;
    this.swarm = delta.swarm;
    return { changed, resync: false };
  }
}
