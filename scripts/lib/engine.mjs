// Starts and stops private Docker engines (own socket, data root, exec root and pidfile) and
// seeds them with a busybox image made from Debian's busybox-static, so Berth can run, be
// tested and be demonstrated without Docker Hub.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BASE_IMAGE = 'berth/busybox:latest';

/** One HTTP call to an engine on a unix socket; resolves {status, body}. */
export function engineRequest(
  socketPath,
  method,
  path,
  { body, headers = {}, timeoutMs = 30_000 } = {},
) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, method, path, headers, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () =>
      req.destroy(new Error(`engine did not answer ${method} ${path} in ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    if (body && typeof body.pipe === 'function') body.pipe(req);
    else req.end(body);
  });
}

export function socketFromHost(host) {
  return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
}

/** True when an engine answers `GET /_ping` on the unix socket named by `host`. */
export async function engineAnswers(host) {
  const socketPath = socketFromHost(host);
  if (!socketPath || !existsSync(socketPath)) return false;
  try {
    const res = await engineRequest(socketPath, 'GET', '/_ping', { timeoutMs: 2000 });
    return res.status === 200;
  } catch {
    return false;
  }
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` every 200 ms until it is true; throws naming `what` after `timeoutMs`. */
export async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function ip(args) {
  return spawnSync('ip', args, { encoding: 'utf8' });
}

/** A small number per engine name, so engines running side by side get address ranges apart. */
export function nameSlot(name) {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) % 200;
  return hash + 20;
}

/**
 * Each private engine gets a bridge of its own (name and /24 derived from the engine's name):
 * engines sharing docker0 tear it down for each other when one of them stops.
 */
function createBridge(name) {
  const bridge = `bb-${name}`.slice(0, 15);
  const cidr = `172.30.${nameSlot(name)}.1/24`;
  if (ip(['link', 'show', bridge]).status !== 0) {
    const add = ip(['link', 'add', 'name', bridge, 'type', 'bridge']);
    if (add.status !== 0) throw new Error(`cannot create bridge ${bridge}: ${add.stderr.trim()}`);
  }
  ip(['addr', 'replace', cidr, 'dev', bridge]);
  ip(['link', 'set', bridge, 'up']);
  return bridge;
}

/**
 * The engine's networks come from a /16 of its own (256 networks of /24). Docker's default
 * pools are shared with every other engine on the host, and a dockerd that is killed, or whose
 * data root is deleted after it stops, leaves its network bridges behind, still holding their
 * ranges: after enough runs a new engine found no free range at all ("could not find an
 * available, non-overlapping IPv4 address pool").
 */
function addressPool(name) {
  return `10.${nameSlot(name)}.0.0/16`;
}

/**
 * Deletes the network bridges an earlier engine of this name left behind: links in its own
 * pool that nothing is attached to. Only this engine's pool is touched, so another engine's
 * (or the developer's own Docker's) networks are never.
 */
function releaseStaleBridges(name) {
  const prefix = `10.${nameSlot(name)}.`;
  const links = JSON.parse(ip(['-j', 'addr', 'show']).stdout || '[]');
  for (const link of links) {
    const inPool = (link.addr_info ?? []).some(
      (a) => a.family === 'inet' && a.local.startsWith(prefix),
    );
    if (!inPool || !/^(br-[0-9a-f]{12}|docker_gwbridge)$/.test(link.ifname)) continue;
    const members = ip(['-br', 'link', 'show', 'master', link.ifname]).stdout.trim();
    if (members === '') ip(['link', 'del', link.ifname]);
  }
}

/**
 * An engine stopped while containers were starting can leave their network namespaces mounted
 * under its exec root, and the next start of the same name could not clear the folder (EBUSY).
 */
function releaseNetns(runDir) {
  const netns = join(runDir, 'exec', 'netns');
  if (!existsSync(netns)) return;
  for (const entry of readdirSync(netns)) spawnSync('umount', ['-l', join(netns, entry)]);
}

/**
 * A dockerd killed while its containers ran leaves their containerd shims (and so the
 * containers) running, attached to its exec root: kill those, and the container each one runs.
 * Matched by that exec root's containerd socket, so no other engine's processes are touched.
 */
function killOrphanShims(runDir) {
  const address = `${join(runDir, 'exec', 'containerd', 'containerd.sock')}`;
  const shims = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args;
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args[0]?.endsWith('containerd-shim-runc-v2') && args.includes(address))
      shims.push(Number(entry));
  }
  for (const shim of shims) {
    // The container's first process is the shim's child; killing it ends its pid namespace.
    spawnSync('pkill', ['-KILL', '-P', String(shim)]);
    try {
      process.kill(shim, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  return shims.length;
}

/** rm -rf that reports instead of throwing: a mount still busy after a kill stays behind. */
export function removeQuietly(path) {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch (error) {
    process.stderr.write(`[berth] could not remove ${path}: ${error.message}\n`);
  }
}

function deleteBridge(bridge) {
  if (bridge) ip(['link', 'del', bridge]);
}

/**
 * Starts a private dockerd. `dir` keeps its data; the sockets and exec root live in a short
 * path under /tmp because unix socket paths are limited to 107 bytes. The engine gets its own
 * bridge unless `bridge` names an existing one. Never pass `--bridge=none`: dockerd then deletes
 * docker0, which breaks any other engine on the host (a developer's own Docker included).
 */
export async function startPrivateEngine({ dir, name = 'engine', bridge, extraArgs = [] } = {}) {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), `berth-${name}-`));
  mkdirSync(dataDir, { recursive: true });
  const runDir = join('/tmp', `berth-run-${name}`);
  const pidfile = join(runDir, 'docker.pid');
  await stopByPidfile(pidfile);
  killOrphanShims(runDir);
  releaseNetns(runDir);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const socket = join(runDir, 'docker.sock');
  const args = [
    `--host=unix://${socket}`,
    `--data-root=${join(dataDir, 'data')}`,
    `--exec-root=${join(runDir, 'exec')}`,
    `--pidfile=${pidfile}`,
    '--log-level=warn',
  ];
  const ownBridge = bridge ? undefined : createBridge(name);
  args.push(`--bridge=${bridge ?? ownBridge}`);
  releaseStaleBridges(name);
  args.push(`--default-address-pool=base=${addressPool(name)},size=24`);
  args.push(...extraArgs);
  const logFile = join(dataDir, 'dockerd.log');
  const out = openSync(logFile, 'a');
  const child = spawn('dockerd', args, { stdio: ['ignore', out, out], detached: true });
  child.unref();
  const host = `unix://${socket}`;
  try {
    await waitFor(() => engineAnswers(host), 60_000, `dockerd (${name}); see ${logFile}`);
  } catch (error) {
    child.kill('SIGKILL');
    const tail = existsSync(logFile)
      ? readFileSync(logFile, 'utf8').split('\n').slice(-8).join('\n')
      : '';
    throw new Error(`${error.message}\n${tail}`);
  }
  return {
    name,
    host,
    socket,
    dataDir,
    pid: child.pid,
    stop: async () => {
      await stopByPidfile(pidfile, child.pid);
      killOrphanShims(runDir);
      deleteBridge(ownBridge);
      releaseStaleBridges(name);
      // A data root made here is the engine's alone: removed with it (a caller's `dir` is kept).
      if (!dir) removeQuietly(dataDir);
    },
  };
}

/** Stops a dockerd by its pidfile (or pid): SIGTERM, then SIGKILL after 20 s. */
export async function stopByPidfile(pidfile, fallbackPid) {
  let pid = fallbackPid;
  if (existsSync(pidfile)) pid = Number(readFileSync(pidfile, 'utf8').trim()) || pid;
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  try {
    await waitFor(() => !isAlive(pid), 20_000, `dockerd ${pid} to stop`);
  } catch {
    process.kill(pid, 'SIGKILL');
  }
}

/** Same as stopByPidfile but blocking: for process 'exit' handlers, where nothing async runs. */
export function stopSyncByPid(pid) {
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  spawnSync('sh', [
    '-c',
    `for i in $(seq 1 100); do kill -0 ${pid} 2>/dev/null || exit 0; sleep 0.2; done; kill -9 ${pid}`,
  ]);
}

/** Imports a busybox rootfs as `berth/busybox:latest` unless the engine already has it. */
export async function ensureBaseImage(host, image = BASE_IMAGE) {
  const socketPath = socketFromHost(host);
  const have = await engineRequest(socketPath, 'GET', `/images/${encodeURIComponent(image)}/json`);
  if (have.status === 200) return;
  const rootfs = mkdtempSync(join(tmpdir(), 'berth-rootfs-'));
  try {
    for (const d of ['bin', 'etc', 'tmp', 'proc', 'sys', 'dev', 'root', 'var', 'home'])
      mkdirSync(join(rootfs, d));
    spawnSync('cp', ['/bin/busybox', join(rootfs, 'bin/busybox')]);
    const applets = spawnSync('/bin/busybox', ['--list'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean);
    for (const applet of applets) {
      if (applet !== 'busybox') symlinkSync('busybox', join(rootfs, 'bin', applet));
    }
    spawnSync('sh', [
      '-c',
      `printf 'root:x:0:0:root:/root:/bin/sh\\nnobody:x:65534:65534:nobody:/home:/bin/false\\n' > ${rootfs}/etc/passwd; printf 'root:x:0:\\nnogroup:x:65534:\\n' > ${rootfs}/etc/group`,
    ]);
    const [repo, tag] = image.split(':');
    const tar = spawn('tar', ['-C', rootfs, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const changes = encodeURIComponent('CMD ["/bin/sh"]');
    const res = await engineRequest(
      socketPath,
      'POST',
      `/images/create?fromSrc=-&repo=${encodeURIComponent(repo)}&tag=${tag ?? 'latest'}&changes=${changes}`,
      { body: tar.stdout, headers: { 'Content-Type': 'application/x-tar' }, timeoutMs: 120_000 },
    );
    if (res.status !== 200) throw new Error(`image import failed: ${res.status} ${res.body}`);
  } finally {
    rmSync(rootfs, { recursive: true, force: true });
  }
}
