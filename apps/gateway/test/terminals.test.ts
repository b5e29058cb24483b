import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/gateway';
import {
  bearer,
  createContainer,
  engine,
  removeTestContainers,
  startTestGateway,
  tokenFor,
} from './harness';
import { openTerminal, type TerminalClient } from './terminal-client';

let gateway: Gateway;
let auth: Record<string, string>;
let running: string;

const wsUrl = (kind: 'exec' | 'attach', query: Record<string, string>) =>
  `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/${kind}?${new URLSearchParams(query)}`;
const exec = (query: Record<string, string>, options?: { autoAck?: boolean }) =>
  openTerminal(wsUrl('exec', { container: running, ...query }), auth, options);

/** Waits for the shell prompt (busybox ash asks where the cursor is first, and the client answers). */
async function prompt(t: TerminalClient): Promise<void> {
  await t.waitFor(() => t.text().includes('# '));
  // the client answered the query when it arrived; give the answer time to reach the shell
  await new Promise((r) => setTimeout(r, 150));
}

beforeAll(async () => {
  await removeTestContainers();
  gateway = await startTestGateway();
  auth = bearer(tokenFor(gateway, 'operator'));
  running = await createContainer('term-main', ['sleep', '3600']);
  await engine('POST', `/containers/${running}/start`);
});

afterAll(async () => {
  await removeTestContainers();
  await gateway?.close();
});

describe('exec over berth.channel.v1', () => {
  it('echoes input in a TTY shell', async () => {
    const t = await exec({ cmd: '["/bin/sh"]', tty: '1' });
    await prompt(t);
    t.send('echo hello-berth\n');
    await t.waitFor(() => /\r\nhello-berth\r\n/.test(t.text()));
    t.ws.close();
  });

  it('applies the initial size right after the start, and every resize after', async () => {
    const t = await exec({ cmd: '["/bin/sh"]', tty: '1', cols: '101', rows: '33' });
    await prompt(t);
    t.send('stty size\n');
    await t.waitFor(() => t.text().includes('33 101'));
    t.resize(80, 24);
    await new Promise((r) => setTimeout(r, 200));
    t.send('stty size\n');
    await t.waitFor(() => t.text().includes('24 80'));
    t.ws.close();
  });

  it('sends the exit code and closes normally', async () => {
    const t = await exec({ cmd: '["sh","-c","exit 3"]', tty: '1' });
    expect(await t.status).toEqual({ type: 'exit', exitCode: 3 });
    expect((await t.closed).code).toBe(1000);
  });

  it('keeps stdout and stderr apart without a TTY, across frame boundaries', async () => {
    const t = await exec({
      cmd: '["sh","-c","i=0; while [ $i -lt 3000 ]; do echo o$i; echo e$i >&2; i=$((i+1)); done"]',
      tty: '0',
    });
    expect(await t.status).toEqual({ type: 'exit', exitCode: 0 });
    const expected = (prefix: string) =>
      Array.from({ length: 3000 }, (_, i) => `${prefix}${i}\n`).join('');
    expect(t.text(1)).toBe(expected('o'));
    expect(t.text(2)).toBe(expected('e'));
  });

  it('passes multibyte UTF-8 through intact whatever the frame boundaries', async () => {
    const t = await exec({
      cmd: '["sh","-c","i=0; while [ $i -lt 20000 ]; do printf \'€ü\'; i=$((i+1)); done"]',
      tty: '0',
    });
    await t.status;
    const frames = t.out[1];
    expect(frames.length).toBeGreaterThan(1);
    expect(t.text(1)).toBe('€ü'.repeat(20000));
  });

  it('delivers a 1 MB paste whole', async () => {
    // raw mode first (a canonical TTY line holds 4 KiB), then say so, then read the paste
    const t = await exec({
      cmd: '["sh","-c","stty raw -echo; echo ready; head -c 1048576 | wc -c"]',
      tty: '1',
    });
    await t.waitFor(() => t.text().includes('ready'));
    t.send(Buffer.alloc(1024 * 1024, 'a'));
    await t.waitFor(() => t.text().includes('1048576'), 20_000);
    t.ws.close();
  });

  it('throttles a flood for a client that does not ack, and Ctrl-C still gets through', async () => {
    const rssBefore = process.memoryUsage().rss;
    const t = await exec(
      { cmd: '["sh","-c","cat /dev/urandom | base64"]', tty: '1' },
      { autoAck: false },
    );
    await t.waitFor(() => t.received > 512 * 1024);
    await new Promise((r) => setTimeout(r, 1500));
    const heldAt = t.received;
    await new Promise((r) => setTimeout(r, 1000));
    // paused: nothing more than what was in flight arrives while nothing is acked
    expect(t.received - heldAt).toBeLessThan(256 * 1024);
    expect(t.received).toBeLessThan(1.5 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);

    t.send('\x03');
    // acking what arrives lets the rest drain; the shell then ends on Ctrl-C
    let acked = 0;
    const ackLoop = setInterval(() => {
      if (t.received > acked) {
        t.ack(t.received - acked);
        acked = t.received;
      }
    }, 20);
    const status = await t.status;
    clearInterval(ackLoop);
    expect(status).toEqual({ type: 'exit', exitCode: 130 });
  });

  it("reports the engine's refusal for a stopped and a paused container", async () => {
    const stopped = await createContainer('term-stopped', ['sleep', '60']);
    const t = await openTerminal(wsUrl('exec', { container: stopped }), auth);
    expect(await t.status).toEqual({
      type: 'error',
      message: expect.stringMatching(/is not running/),
    });

    const paused = await createContainer('term-paused', ['sleep', '60']);
    await engine('POST', `/containers/${paused}/start`);
    await engine('POST', `/containers/${paused}/pause`);
    const p = await openTerminal(wsUrl('exec', { container: paused }), auth);
    expect(await p.status).toEqual({ type: 'error', message: expect.stringMatching(/is paused/) });
  });

  it("reports a command that can't start as an error with the engine's words, then its exit code", async () => {
    const t = await exec({ cmd: '["/nope"]', tty: '1' });
    await t.closed;
    expect(t.statuses).toEqual([
      {
        type: 'error',
        message: expect.stringMatching(
          /^OCI runtime exec failed.*\/nope.*no such file or directory/,
        ),
      },
      { type: 'exit', exitCode: 126 },
    ]);
  });

  it('explains a malformed request', async () => {
    const t = await exec({ cmd: 'sh -c ls' });
    expect(await t.status).toEqual({
      type: 'error',
      message: expect.stringContaining('cmd must be a JSON array of strings'),
    });
  });
});

describe('attach', () => {
  it('talks to the main process and detaching leaves the container running', async () => {
    const id = await createContainer('term-attach', ['/bin/sh'], { Tty: true, OpenStdin: true });
    await engine('POST', `/containers/${id}/start`);
    await new Promise((r) => setTimeout(r, 300));
    // logs=1 replays the prompt (and the shell's cursor query, which the client answers)
    const t = await openTerminal(
      wsUrl('attach', { container: id, logs: '1', cols: '90', rows: '30' }),
      auth,
    );
    await prompt(t);
    t.send('echo attached-$((40+2))\n');
    await t.waitFor(() => t.text().includes('attached-42'));
    t.ws.close();
    await t.closed;
    await new Promise((r) => setTimeout(r, 300));
    expect(
      (await engine<{ State: { Running: boolean } }>('GET', `/containers/${id}/json`)).body.State
        .Running,
    ).toBe(true);
  });

  it('reports the exit code when the main process ends', async () => {
    const id = await createContainer('term-attach-exit', ['/bin/sh'], {
      Tty: true,
      OpenStdin: true,
    });
    await engine('POST', `/containers/${id}/start`);
    await new Promise((r) => setTimeout(r, 300));
    const t = await openTerminal(
      wsUrl('attach', { container: id, logs: '1', cols: '90', rows: '30' }),
      auth,
    );
    await prompt(t);
    t.send('exit 7\n');
    expect(await t.status).toEqual({ type: 'exit', exitCode: 7 });
  });
});
