// A real private registry for pull/push tests: Debian's docker-registry on 127.0.0.1 with
// htpasswd (bcrypt) auth. Engines treat 127.0.0.0/8 registries as insecure-allowed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REGISTRY_USER = 'berth-ci';
export const REGISTRY_PASSWORD = 'registry-pass-2026';

export async function startRegistry({ port = 5000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'berth-registry-'));
  mkdirSync(join(dir, 'data'));
  const htpasswd = spawnSync('htpasswd', ['-Bbn', REGISTRY_USER, REGISTRY_PASSWORD], {
    encoding: 'utf8',
  });
  if (htpasswd.status !== 0) throw new Error(`htpasswd failed: ${htpasswd.stderr}`);
  writeFileSync(join(dir, 'htpasswd'), htpasswd.stdout);
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      'auth:',
      '  htpasswd:',
      '    realm: berth-test',
      `    path: ${join(dir, 'htpasswd')}`,
      '',
    ].join('\n'),
  );
  const log = openSync(join(dir, 'registry.log'), 'a');
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`docker-registry exited (${child.exitCode}); see ${dir}/registry.log`);
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 401) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`docker-registry did not answer on ${url}; see ${dir}/registry.log`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    address: `127.0.0.1:${port}`,
    username: REGISTRY_USER,
    password: REGISTRY_PASSWORD,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}
