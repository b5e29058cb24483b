import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeSockets, upgradeRequestHeaders } from './upgrade-relay';

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A connected pair of TCP sockets on loopback: [the side we keep, the side the server got]. */
async function socketPair(clientHalfOpen = true): Promise<[Socket, Socket]> {
  const server = createServer({ allowHalfOpen: true });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const accepted = new Promise<Socket>((r) => server.once('connection', r));
  const { port } = server.address() as { port: number };
  const client = connect({ port, host: '127.0.0.1', allowHalfOpen: clientHalfOpen });
  return [client, await accepted];
}

const readAll = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString()));
    socket.on('end', () => resolve(text));
  });

describe('bridgeSockets', () => {
  it('carries bytes both ways and lets an answer follow a half-close', async () => {
    // caller <-> [callerSide | bridge | engineSide] <-> engine
    const [caller, callerSide] = await socketPair();
    // The gateway's socket to the engine is an ordinary client socket (no half-open by default).
    const [engineSide, engine] = await socketPair(false);
    let closed = false;
    bridgeSockets(callerSide, engineSide, () => (closed = true));

    const engineGot = readAll(engine);
    const callerGot = readAll(caller);
    caller.end('question');
    // The engine sees the caller's FIN, yet can still answer on the same connection.
    expect(await engineGot).toBe('question');
    engine.end('answer after the half-close');
    expect(await callerGot).toBe('answer after the half-close');
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
  });

  it('keeps the way to the engine open after the engine half-closes', async () => {
    const [caller, callerSide] = await socketPair();
    const [engineSide, engine] = await socketPair(false);
    bridgeSockets(callerSide, engineSide, () => undefined);
    const engineGot = readAll(engine);
    const callerGot = readAll(caller);
    engine.end('engine done talking');
    expect(await callerGot).toBe('engine done talking');
    caller.end('but the caller was not');
    expect(await engineGot).toBe('but the caller was not');
  });

  it('ends the other side when one side goes away', async () => {
    const [caller, callerSide] = await socketPair();
    const [engineSide, engine] = await socketPair();
    bridgeSockets(callerSide, engineSide, () => undefined);
    const engineEnded = new Promise((r) => engine.on('end', r));
    engine.resume();
    caller.destroy();
    await engineEnded;
  });
});

describe('upgradeRequestHeaders', () => {
  it("keeps the upgrade headers and drops Berth's credentials and the hop's host", () => {
    expect(
      upgradeRequestHeaders({
        host: 'berth.example',
        cookie: 'berth_session=x',
        authorization: 'Bearer secret',
        origin: 'https://berth.example',
        upgrade: 'websocket',
        connection: 'Upgrade',
        'sec-websocket-key': 'k',
        'sec-websocket-version': '13',
        'x-docker-expose-session-uuid': 'u',
      }),
    ).toEqual({
      upgrade: 'websocket',
      connection: 'Upgrade',
      'sec-websocket-key': 'k',
      'sec-websocket-version': '13',
      'x-docker-expose-session-uuid': 'u',
    });
  });
});
