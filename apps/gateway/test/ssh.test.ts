import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EndpointSummary, EndpointTestResult } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/gateway';
import { bearer, engineHost, startTestGateway, tempDataDir, tokenFor } from './harness';
import { startSshServer, type SshServer } from './ssh-server';
import { openTerminal } from './terminal-client';

// ssh:// endpoints against a real OpenSSH server on loopback that forwards to the test engine's
// socket: the same path a team takes to a remote build box.
let sshd: SshServer;
let gateway: Gateway;
let admin: Record<string, string>;
const SSH_PORT = 22_422;

async function api<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${gateway.url}${path}`, {
    method,
    headers: { ...admin, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const engineSocket = () => engineHost().slice('unix://'.length);
const sshUrl = (path = engineSocket()) => `ssh://root@127.0.0.1:${SSH_PORT}${path}`;

beforeAll(async () => {
  sshd = await startSshServer(SSH_PORT);
  gateway = await startTestGateway();
  admin = bearer(tokenFor(gateway, 'admin'));
});

afterAll(async () => {
  await gateway?.close();
  await sshd?.stop();
});

describe('ssh endpoints', () => {
  it('tests, adds and uses an ssh:// endpoint: lists, relays and opens a terminal through the tunnel', async () => {
    const probe = await api<EndpointTestResult>('POST', '/api/endpoints/test', {
      url: sshUrl(),
      ssh: { privateKey: sshd.clientKey, passphrase: sshd.passphrase },
    });
    expect(probe.body).toMatchObject({ ok: true, kind: 'docker', sshHostKey: sshd.hostKey });

    const added = await api<EndpointSummary>('POST', '/api/endpoints', {
      name: 'Over SSH',
      url: sshUrl(),
      ssh: { privateKey: sshd.clientKey, passphrase: sshd.passphrase },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 'over-ssh', status: 'up', sshHostKey: sshd.hostKey });
    expect(JSON.stringify(added.body)).not.toContain('PRIVATE KEY');

    // the same engine as `local`, seen through ssh
    const viaSsh = await api<Array<{ Id: string }>>(
      'GET',
      '/api/endpoints/over-ssh/docker/containers/json?all=1',
    );
    const direct = await api<Array<{ Id: string }>>(
      'GET',
      '/api/endpoints/local/docker/containers/json?all=1',
    );
    expect(viaSsh.status).toBe(200);
    expect(viaSsh.body.map((c) => c.Id).sort()).toEqual(direct.body.map((c) => c.Id).sort());

    // a hijacked exec stream (the terminal) works through the tunnel too
    const created = await api<{ Id: string }>(
      'POST',
      '/api/endpoints/over-ssh/docker/containers/create?name=berth-ssh-exec',
      { Image: 'berth/busybox:latest', Cmd: ['sleep', '300'] },
    );
    expect(created.status).toBe(201);
    try {
      expect(
        (await api('POST', '/api/endpoints/over-ssh/docker/containers/berth-ssh-exec/start'))
          .status,
      ).toBe(204);
      const query = new URLSearchParams({
        container: created.body.Id,
        cmd: '["sh","-c","echo through-$((40+2)); exit 3"]',
      });
      const terminal = await openTerminal(
        `${gateway.url.replace('http', 'ws')}/api/endpoints/over-ssh/ws/exec?${query}`,
        admin,
      );
      expect(await terminal.status).toEqual({ type: 'exit', exitCode: 3 });
      expect(terminal.text()).toContain('through-42');
    } finally {
      await api('DELETE', '/api/endpoints/over-ssh/docker/containers/berth-ssh-exec?force=1');
    }
  });

  it('says plainly when the key is refused, the host key changed, or the engine socket is missing', async () => {
    const stranger = await api<EndpointTestResult>('POST', '/api/endpoints/test', {
      url: sshUrl(),
      ssh: { privateKey: sshd.strangerKey },
    });
    expect(stranger.body.ok).toBe(false);
    expect(stranger.body.error).toMatch(/refused the login: the key was not accepted/);

    const pinnedWrong = await api<EndpointTestResult>('POST', '/api/endpoints/test', {
      url: sshUrl(),
      ssh: {
        privateKey: sshd.clientKey,
        passphrase: sshd.passphrase,
        hostKey: `SHA256:${'A'.repeat(43)}`,
      },
    });
    expect(pinnedWrong.body.ok).toBe(false);
    expect(pinnedWrong.body.error).toContain(`the server showed ${sshd.hostKey}`);

    const wrongPassphrase = await api<EndpointTestResult>('POST', '/api/endpoints/test', {
      url: sshUrl(),
      ssh: { privateKey: sshd.clientKey, passphrase: 'not-it' },
    });
    expect(wrongPassphrase.body.ok).toBe(false);
    expect(wrongPassphrase.body.error).toMatch(/Cannot use the SSH private key/);

    const noSocket = await api<EndpointTestResult>('POST', '/api/endpoints/test', {
      url: sshUrl('/run/no-such-engine.sock'),
      ssh: { privateKey: sshd.clientKey, passphrase: sshd.passphrase },
    });
    expect(noSocket.body.ok).toBe(false);
    expect(noSocket.body.error).toMatch(
      /could not open the engine socket \/run\/no-such-engine\.sock/,
    );

    const refused = await api<EndpointTestResult>('POST', '/api/endpoints/test', {
      url: `ssh://root@127.0.0.1:1${engineSocket()}`,
      ssh: { privateKey: sshd.clientKey, passphrase: sshd.passphrase },
    });
    expect(refused.body.error).toMatch(/connection refused/);

    const mixed = await api<{ message: string }>('POST', '/api/endpoints', {
      name: 'mixed',
      url: 'tcp://127.0.0.1:2375',
      ssh: { privateKey: sshd.clientKey },
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toMatch(/SSH settings apply to ssh:\/\/ addresses only/);
  });

  it('imports an ssh context from the Docker CLI, which logs in as the CLI would (agent or ~/.ssh)', async () => {
    const dir = tempDataDir();
    const meta = join(dir, 'contexts', 'meta', 'ssh123');
    mkdirSync(meta, { recursive: true });
    writeFileSync(
      join(meta, 'meta.json'),
      JSON.stringify({
        Name: 'remote-box',
        Metadata: {},
        Endpoints: { docker: { Host: `ssh://root@127.0.0.1:${SSH_PORT}`, SkipTLSVerify: false } },
      }),
    );
    process.env.DOCKER_CONFIG = dir;
    try {
      const imported = await api<{ created: EndpointSummary[] }>('POST', '/api/endpoints/import');
      expect(imported.body.created.map((e) => [e.name, e.url])).toEqual([
        ['remote-box', `ssh://root@127.0.0.1:${SSH_PORT}`],
      ]);
      // no key of this machine is authorised on the test server: the card says why, in words
      const remote = await api<EndpointSummary>('GET', '/api/endpoints/remote-box');
      const deadline = Date.now() + 10_000;
      let summary = remote.body;
      while (summary.status !== 'down' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        summary = (await api<EndpointSummary>('GET', '/api/endpoints/remote-box')).body;
      }
      expect(summary.error).toMatch(/refused the login/);
      expect(summary.sshHostKey).toBe(sshd.hostKey);
    } finally {
      delete process.env.DOCKER_CONFIG;
    }
  });
});
