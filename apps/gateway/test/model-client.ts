// A subscriber of the gateway's live engine model on its events socket, as a browser tab is:
// it keeps a replica, asks again from its position after a gap, and counts what it was sent.
import type { ModelKind, ModelMessage, ModelRows } from '@berth/api';
import { ModelReplica } from '@berth/api';
import WebSocket from 'ws';

export class ModelClient {
  readonly ws: WebSocket;
  snapshots = 0;
  resyncs = 0;
  private readonly opened: Promise<void>;

  /** A replica carried over from an earlier socket, as a browser tab keeps it across reconnects. */
  constructor(
    url: string,
    headers: Record<string, string>,
    readonly replica = new ModelReplica(),
  ) {
    this.ws = new WebSocket(url, { headers });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as ModelMessage | { type: string };
      if (!message.type.startsWith('model.')) return;
      const model = message as ModelMessage;
      if (model.type === 'model.snapshot' && model.page === 0) this.snapshots++;
      if (this.replica.apply(model).resync) {
        this.resyncs++;
        this.subscribe();
      }
    });
  }

  async start(): Promise<void> {
    await this.opened;
    this.subscribe();
  }

  subscribe(): void {
    const since = this.replica.position;
    this.ws.send(JSON.stringify({ type: 'model.subscribe', ...(since ? { since } : {}) }));
  }

  rows<K extends ModelKind>(kind: K): ModelRows[K][] {
    return [...this.replica.rows(kind)] as ModelRows[K][];
  }

  close(): void {
    this.ws.close();
  }
}
