import type { ModelMessage } from '@berth/api';
import { modelRequestSchema } from '@berth/api';
import type { RawData, WebSocket } from 'ws';
import type { EngineModel } from './engine-model';

/** A client far behind (a stalled tab) is sent a fresh snapshot later rather than buffered forever. */
const MAX_BUFFERED = 64 * 1024 * 1024;

/**
 * The model on one events socket: after `model.subscribe` the client gets a snapshot in pages (or,
 * when it names a position the model still has, only the deltas it missed), then every delta.
 */
export function attachModelChannel(ws: WebSocket, model: EngineModel): void {
  let session: { unwatch: () => void; unlisten: () => void } | null = null;
  let generation = 0;

  const send = (text: string) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED) {
      ws.close(1013, 'too far behind; reconnect for a fresh snapshot');
      return;
    }
    ws.send(text);
  };
  const sendMessage = (message: ModelMessage) => send(JSON.stringify(message));

  const stop = () => {
    generation++;
    session?.unlisten();
    session?.unwatch();
    session = null;
  };

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawText(data));
    } catch {
      sendMessage({ type: 'model.error', message: 'Messages on this socket are JSON text.' });
      return;
    }
    const request = modelRequestSchema.safeParse(parsed);
    if (!request.success) {
      sendMessage({
        type: 'model.error',
        message:
          'Send {"type":"model.subscribe","since"?:{"epoch","version"}} or {"type":"model.unsubscribe"}.',
      });
      return;
    }
    stop();
    if (request.data.type === 'model.unsubscribe') return;
    const since = request.data.since;
    const mine = ++generation;
    const current: { unwatch: () => void; unlisten: () => void } = {
      unwatch: model.watch(),
      unlisten: () => undefined,
    };
    session = current;
    void model.whenReady().then(() => {
      if (mine !== generation || ws.readyState !== ws.OPEN) return;
      // Sent and registered in one turn: no delta can fall between the two.
      const missed = since ? model.deltasSince(since) : null;
      if (missed) for (const delta of missed) send(delta.text);
      else for (const page of model.snapshotTexts()) send(page);
      current.unlisten = model.onDelta((delta) => send(delta.text));
    });
  });
  ws.on('close', stop);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
