import { CHANNEL_PROTOCOL, Channel, FLOW } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { TerminalConnection } from './terminal-connection';
import type { TerminalOutcome } from './terminal-connection';
import { FakeChannelSocket as FakeSocket } from '@/testing/fake-channel-socket';

function setup(options: { ackEvery?: number; inputChunk?: number } = {}) {
  let socket!: FakeSocket;
  const writes: { data: Uint8Array; done: () => void }[] = [];
  const ends: TerminalOutcome[] = [];
  const connection = new TerminalConnection({
    url: 'ws://gateway/api/endpoints/local/ws/exec?container=c',
    sink: { write: (data, done) => writes.push({ data, done }) },
    onEnd: (outcome) => ends.push(outcome),
    createSocket: (url, protocols) => (socket = new FakeSocket(url, protocols)),
    ...options,
  });
  socket.open();
  return { connection, socket, writes, ends };
}

describe('TerminalConnection', () => {
  it('asks for the channel subprotocol and binary frames', () => {
    const { socket } = setup();
    expect(socket.protocols).toEqual([CHANNEL_PROTOCOL]);
    expect(socket.binaryType).toBe('arraybuffer');
  });

  it('acks output only once the terminal has written it, at once when output stops', () => {
    const { socket, writes } = setup();
    socket.receive(Channel.stdout, new Uint8Array(100));
    socket.receive(Channel.stdout, new Uint8Array(50));
    expect(writes).toHaveLength(2);
    expect(socket.frames(Channel.ack)).toHaveLength(0);
    writes[0]!.done();
    // 50 bytes still being written: not idle yet, and below the step.
    expect(socket.frames(Channel.ack)).toHaveLength(0);
    writes[1]!.done();
    expect(socket.json(Channel.ack)).toEqual([{ bytes: 150 }]);
  });

  it('acks in steps of the protocol number while output keeps streaming', () => {
    const { socket, writes, connection } = setup();
    const chunk = 16 * 1024;
    for (let i = 0; i < 10; i++) socket.receive(Channel.stdout, new Uint8Array(chunk));
    // The terminal works through 9 of 10 chunks; one is still queued.
    for (let i = 0; i < 9; i++) writes[i]!.done();
    const acks = socket.json(Channel.ack) as { bytes: number }[];
    expect(acks.every((ack) => ack.bytes >= FLOW.ackEvery)).toBe(true);
    expect(acks.reduce((sum, ack) => sum + ack.bytes, 0)).toBe(8 * chunk);
    writes[9]!.done();
    expect(connection.acknowledged).toBe(10 * chunk);
    expect(connection.received).toBe(10 * chunk);
  });

  it('writes stderr too, and passes bytes through undecoded (a split UTF-8 character)', () => {
    const { socket, writes } = setup();
    const euro = Uint8Array.from(new TextEncoder().encode('€'));
    socket.receive(Channel.stdout, euro.subarray(0, 1));
    socket.receive(Channel.stderr, euro.subarray(1));
    expect(writes.map((w) => [...w.data])).toEqual([[euro[0]], [euro[1], euro[2]]]);
  });

  it('holds what is typed before the socket opens and sends it, in order, once it does', () => {
    let socket!: FakeSocket;
    const connection = new TerminalConnection({
      url: 'ws://gateway/api/endpoints/local/ws/exec?container=c',
      sink: { write: (_data, done) => done() },
      onEnd: () => undefined,
      createSocket: (url, protocols) => (socket = new FakeSocket(url, protocols)),
    });
    connection.sendText('ec');
    connection.sendText('ho hi\r');
    expect(socket.sent).toHaveLength(0);
    socket.open();
    const typed = socket
      .frames(Channel.stdin)
      .map((frame) => new TextDecoder().decode(frame.payload))
      .join('');
    expect(typed).toBe('echo hi\r');
  });

  it('sends typing as stdin and a large paste in chunks', () => {
    const { socket, connection } = setup({ inputChunk: 1000 });
    connection.sendText('ls\r');
    connection.sendText('x'.repeat(2500));
    const stdin = socket.frames(Channel.stdin).map((frame) => frame.payload.length);
    expect(stdin).toEqual([3, 1000, 1000, 500]);
  });

  it('sends each new size once, and not the one the URL already asked for', () => {
    const { socket, connection } = setup();
    connection.assumeSize(80, 24);
    connection.resize(80, 24);
    connection.resize(120, 40);
    connection.resize(120, 40);
    expect(socket.json(Channel.resize)).toEqual([{ cols: 120, rows: 40 }]);
  });

  it('reports the exit code', () => {
    const { socket, ends } = setup();
    socket.receive(Channel.status, { type: 'exit', exitCode: 3 });
    socket.serverClose(1000);
    expect(ends).toEqual([{ kind: 'exit', exitCode: 3 }]);
  });

  it("reports the engine's refusal, with the exit code when one follows", () => {
    const refused = setup();
    refused.socket.receive(Channel.status, {
      type: 'error',
      message: 'Container abc is not running',
    });
    refused.socket.serverClose(1000);
    expect(refused.ends).toEqual([{ kind: 'error', message: 'Container abc is not running' }]);

    const cannotStart = setup();
    cannotStart.socket.receive(Channel.status, {
      type: 'error',
      message: 'OCI runtime exec failed',
    });
    cannotStart.socket.receive(Channel.status, { type: 'exit', exitCode: 127 });
    cannotStart.socket.serverClose(1000);
    expect(cannotStart.ends).toEqual([
      { kind: 'error', message: 'OCI runtime exec failed', exitCode: 127 },
    ]);
  });

  it('tells a dropped connection from a clean end and from closing it ourselves', () => {
    const dropped = setup();
    dropped.socket.serverClose(1006);
    expect(dropped.ends).toEqual([{ kind: 'lost', code: 1006, opened: true }]);

    const detachedByKeys = setup();
    detachedByKeys.socket.serverClose(1000);
    expect(detachedByKeys.ends).toEqual([{ kind: 'ended' }]);

    const closed = setup();
    closed.connection.close();
    expect(closed.socket.closedWith?.code).toBe(1000);
    expect(closed.ends).toEqual([{ kind: 'closed' }]);
  });

  it('never opened (refused upgrade, gateway down): lost before open', () => {
    let socket!: FakeSocket;
    const ends: TerminalOutcome[] = [];
    new TerminalConnection({
      url: 'ws://x',
      sink: { write: () => undefined },
      onEnd: (outcome) => ends.push(outcome),
      createSocket: (url, protocols) => (socket = new FakeSocket(url, protocols)),
    });
    socket.serverClose(1006);
    expect(ends).toEqual([{ kind: 'lost', code: 1006, opened: false }]);
  });

  it('sends nothing once closed', () => {
    const { socket, connection } = setup();
    connection.close();
    const before = socket.sent.length;
    connection.sendText('x');
    connection.resize(10, 10);
    expect(socket.sent.length).toBe(before);
  });
});
