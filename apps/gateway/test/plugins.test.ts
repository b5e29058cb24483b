import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonLines } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_PASSWORD, REGISTRY_USER } from '../../../scripts/lib/registry.mjs';
import type { Gateway } from '../src/gateway';
import { bearer, engine, startTestGateway, tempDataDir, tokenFor } from './harness';

// A real managed plugin on the private engine: dockerd only enables a plugin whose process
// answers on its unix socket, and busybox cannot listen on one, so the test compiles a tiny
// static listener into the plugin's rootfs.
const LISTENER_C = String.raw`
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
int main(void) {
  const char *path = "/run/docker/plugins/berth.sock";
  const char *body = "{\"Implements\":[\"VolumeDriver\"]}";
  char head[256], buf[4096];
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
  unlink(path);
  if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 16) != 0) return 1;
  for (;;) {
    int c = accept(fd, 0, 0);
    if (c < 0) continue;
    if (read(c, buf, sizeof buf) > 0) {
      int n = snprintf(head, sizeof head,
        "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.plugins.v1.1+json\r\n"
        "Content-Length: %zu\r\nConnection: close\r\n\r\n", strlen(body));
      write(c, head, n);
      write(c, body, strlen(body));
    }
    close(c);
  }
}
`;

const PLUGIN_CONFIG = {
  Description: 'Berth test volume plugin',
  Documentation: 'https://example.invalid/berth',
  Entrypoint: ['/listener'],
  WorkDir: '/',
  Interface: { Types: ['docker.volumedriver/1.0'], Socket: 'berth.sock' },
  Network: { Type: 'none' },
  // a capability makes the privileges prompt real; a settable env makes `set` real
  Linux: { Capabilities: ['CAP_SYS_ADMIN'], AllowAllDevices: false, Devices: null },
  Env: [
    {
      Name: 'BERTH_GREETING',
      Description: 'a setting for the test',
      Settable: ['value'],
      Value: 'hello',
    },
  ],
  Mounts: null,
  Args: { Name: '', Description: '', Settable: null, Value: null },
};

let gateway: Gateway;
let admin: Record<string, string>;
let operator: Record<string, string>;
let viewer: Record<string, string>;
const registry = process.env.BERTH_TEST_REGISTRY;
const pluginName = registry ? `${registry}/berth/volume-plugin:ci` : 'berth/volume-plugin:ci';

const relay = (
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Uint8Array,
  type = 'application/json',
) =>
  fetch(`${gateway.url}/api/endpoints/local/docker${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': type }) },
    body,
  });

async function progress(res: Response): Promise<Array<{ status?: string; error?: string }>> {
  const lines = new JsonLines<{ status?: string; error?: string }>();
  const out = [];
  const reader = res.body!.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    out.push(...lines.push(value));
  }
  out.push(...lines.end());
  return out;
}

interface Plugin {
  Id: string;
  Name: string;
  Enabled: boolean;
  Settings: { Env: string[] };
}

const inspect = () =>
  engine<Plugin>('GET', `/plugins/${encodeURIComponent(pluginName)}/json`).then((r) => r);

/** A tar of `config.json` + `rootfs/` (busybox and the listener), as `docker plugin create` sends. */
function pluginContext(): Buffer {
  const dir = tempDataDir();
  const rootfs = join(dir, 'rootfs');
  for (const sub of ['bin', 'run/docker/plugins', 'tmp', 'etc'])
    mkdirSync(join(rootfs, sub), { recursive: true });
  copyFileSync('/bin/busybox', join(rootfs, 'bin/busybox'));
  chmodSync(join(rootfs, 'bin/busybox'), 0o755);
  writeFileSync(join(dir, 'listener.c'), LISTENER_C);
  execFileSync('gcc', ['-static', '-O2', '-o', join(rootfs, 'listener'), join(dir, 'listener.c')]);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(PLUGIN_CONFIG));
  execFileSync('tar', ['-C', dir, '-cf', join(dir, 'context.tar'), 'config.json', 'rootfs']);
  return readFileSync(join(dir, 'context.tar'));
}

beforeAll(async () => {
  gateway = await startTestGateway();
  admin = bearer(tokenFor(gateway, 'admin'));
  operator = bearer(tokenFor(gateway, 'operator'));
  viewer = bearer(tokenFor(gateway, 'viewer'));
  await engine('DELETE', `/plugins/${encodeURIComponent(pluginName)}?force=1`);
});

afterAll(async () => {
  await engine('DELETE', `/plugins/${encodeURIComponent(pluginName)}?force=1`);
  await gateway?.close();
});

describe('plugins through the relay', () => {
  it('keeps every plugin call, reads included, from operators and viewers', async () => {
    const name = encodeURIComponent(pluginName);
    for (const headers of [operator, viewer]) {
      for (const [method, path] of [
        ['GET', '/plugins'],
        ['GET', `/plugins/privileges?remote=${name}`],
        ['POST', `/plugins/pull?remote=${name}`],
        ['POST', `/plugins/create?name=${name}`],
        ['GET', `/plugins/${name}/json`],
        ['POST', `/plugins/${name}/enable`],
        ['POST', `/plugins/${name}/disable`],
        ['POST', `/plugins/${name}/set`],
        ['POST', `/plugins/${name}/upgrade?remote=${name}`],
        ['POST', `/plugins/${name}/push`],
        ['DELETE', `/plugins/${name}`],
      ] as const) {
        const res = await relay(method, path, headers);
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    }
    expect((await engine<Plugin[]>('GET', '/plugins')).body).toEqual([]);
  });

  it('create from a tar context, enable, set, disable, push, remove, pull back with privileges', async () => {
    const created = await relay(
      'POST',
      `/plugins/create?name=${encodeURIComponent(pluginName)}`,
      admin,
      new Uint8Array(pluginContext()),
      'application/x-tar',
    );
    expect(created.status, await created.clone().text()).toBe(204);
    const listed = (await (await relay('GET', '/plugins', admin)).json()) as Plugin[];
    expect(listed.map((p) => [p.Name, p.Enabled])).toEqual([[pluginName, false]]);

    const name = encodeURIComponent(pluginName);
    const set = await relay('POST', `/plugins/${name}/set`, admin, '["BERTH_GREETING=ahoy"]');
    expect(set.status, await set.clone().text()).toBe(204);
    expect((await inspect()).body.Settings.Env).toEqual(['BERTH_GREETING=ahoy']);
    // PluginInspect through the relay (what the Inspect dialog calls): the engine's object.
    const inspected = await relay('GET', `/plugins/${name}/json`, admin);
    expect(inspected.status).toBe(200);
    expect(await inspected.json()).toMatchObject({
      Name: pluginName,
      Settings: { Env: ['BERTH_GREETING=ahoy'] },
      Config: { Interface: expect.any(Object) },
    });

    const enabled = await relay('POST', `/plugins/${name}/enable?timeout=30`, admin);
    expect(enabled.status, await enabled.clone().text()).toBe(200);
    expect((await inspect()).body.Enabled).toBe(true);
    // an enabled plugin refuses settings, in the engine's words
    const busy = await relay('POST', `/plugins/${name}/set`, admin, '["BERTH_GREETING=no"]');
    expect(busy.status).toBeGreaterThanOrEqual(400);
    expect(((await busy.json()) as { message: string }).message).toMatch(/active plugin|enabled/);

    expect((await relay('POST', `/plugins/${name}/disable`, admin)).status).toBe(200);
    expect((await inspect()).body.Enabled).toBe(false);

    if (!registry) return;
    const saved = await fetch(`${gateway.url}/api/registries`, {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'plugins-ci',
        server: registry,
        username: REGISTRY_USER,
        password: REGISTRY_PASSWORD,
      }),
    });
    expect(saved.status).toBe(201);
    const withRegistry = {
      ...admin,
      'X-Berth-Registry': String(((await saved.json()) as { id: number }).id),
    };

    const pushed = await progress(await relay('POST', `/plugins/${name}/push`, withRegistry));
    expect(
      pushed.filter((p) => p.error),
      JSON.stringify(pushed.slice(-3)),
    ).toEqual([]);

    expect((await relay('DELETE', `/plugins/${name}?force=1`, admin)).status).toBe(200);
    expect((await inspect()).status).toBe(404);

    const privileges = await relay('GET', `/plugins/privileges?remote=${name}`, withRegistry);
    expect(privileges.status).toBe(200);
    const accepted = (await privileges.json()) as Array<{ Name: string; Value: string[] }>;
    expect(accepted).toContainEqual(
      expect.objectContaining({ Name: 'capabilities', Value: ['CAP_SYS_ADMIN'] }),
    );

    const pulled = await progress(
      await relay(
        'POST',
        `/plugins/pull?remote=${name}&name=${name}`,
        withRegistry,
        JSON.stringify(accepted),
      ),
    );
    expect(
      pulled.filter((p) => p.error),
      JSON.stringify(pulled.slice(-3)),
    ).toEqual([]);
    const back = await inspect();
    expect(back.status).toBe(200);
    // settings are this engine's, not the plugin's: the pulled copy has the config's default
    expect(back.body.Settings.Env).toEqual(['BERTH_GREETING=hello']);
    // the pulled plugin really runs: it enables like the one made here did
    expect(back.body.Enabled).toBe(false);
    expect((await relay('POST', `/plugins/${name}/enable?timeout=30`, admin)).status).toBe(200);
    expect((await inspect()).body.Enabled).toBe(true);
    expect((await relay('POST', `/plugins/${name}/disable`, admin)).status).toBe(200);
  }, 180_000);
});
