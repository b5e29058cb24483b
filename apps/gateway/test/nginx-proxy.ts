// A real nginx (Debian's package) in front of a gateway, for the reverse-proxy tests: started on
// a free loopback port with its own config, pid, log and temp folders, never the system service.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NginxProxy {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The configuration docs/operations.md recommends: `location /berth/` passed on as is (no URI
 * rewrite: Berth strips its own BERTH_BASE_PATH), websocket upgrades forwarded, and the
 * browser's Host and scheme in X-Forwarded-Host/Proto. `idleSeconds` is nginx's
 * proxy_read_timeout: a socket with nothing from Berth for that long is closed by nginx.
 */
export function nginxConfig(opts: {
  dir: string;
  port: number;
  upstream: string;
  basePath: string;
  idleSeconds: number;
}): string {
  const { dir } = opts;
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${opts.port};
    location ${opts.basePath}/ {
      proxy_pass http://${opts.upstream};
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout ${opts.idleSeconds}s;
      proxy_buffering off;
    }
  }
}
`;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startNginx(opts: {
  upstream: string;
  basePath: string;
  idleSeconds: number;
  /** A port chosen beforehand (the gateway's public URL names it); else a free one. */
  port?: number;
}): Promise<NginxProxy> {
  if (spawnSync('nginx', ['-v']).status !== 0)
    throw new Error('nginx is not installed (apt-get install nginx; npm test installs it)');
  const dir = mkdtempSync(join(tmpdir(), 'berth-nginx-'));
  // nginx's workers run as nobody: they must reach their temp folders.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'tmp'));
  const port = opts.port ?? (await freePort());
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ ...opts, dir, port }));
  // -e: the error log before the config is read (the compiled-in one is /var/log/nginx).
  const child: ChildProcess = spawn(
    'nginx',
    ['-p', dir, '-c', conf, '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`nginx did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
