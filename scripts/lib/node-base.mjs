// A Node base image made locally, for building Berth's own image where no image registry is
// reachable (tests, CI): a minimal Debian rootfs with Debian's nodejs, made with mmdebstrap and
// imported into an engine (`docker import`). The rootfs tarball is cached between runs: making
// it takes about a minute, importing it a few seconds.
//
// Debian trixie, not bookworm: Berth needs Node >= 20.19 (package.json engines) and bookworm's
// nodejs is 18.20; trixie's is 20.19.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { engineRequest, socketFromHost } from './engine.mjs';
import { log } from './shell.mjs';

export const NODE_BASE_IMAGE = 'berth/node-base:trixie';
/** Bump when the recipe below changes, so a stale cached tarball is not used. */
const RECIPE = 'trixie-minbase-nodejs-1';
const DEFAULT_CACHE = '/var/cache/berth';

export function nodeBaseTarball(cacheDir = process.env.BERTH_IMAGE_CACHE || DEFAULT_CACHE) {
  return join(cacheDir, `node-base-${RECIPE}.tar`);
}

/**
 * Makes the rootfs tarball unless the cache has it; resolves its path and whether it was made.
 * Asynchronous: a test runner's timers must keep running during the minutes it can take.
 */
export async function ensureNodeBaseTarball(cacheDir) {
  const tarball = nodeBaseTarball(cacheDir);
  if (existsSync(tarball)) return { tarball, made: false };
  mkdirSync(join(tarball, '..'), { recursive: true });
  // Made beside the final name and renamed: a run stopped half way (or one running at the same
  // time) never leaves a truncated tarball behind under the final name.
  // mmdebstrap picks the output format from the name: it must end in .tar.
  const partial = tarball.replace(/\.tar$/, `.partial-${process.pid}.tar`);
  log(`making the Node base rootfs with mmdebstrap (about a minute; cached in ${tarball})`);
  const made = await new Promise((resolve) => {
    const child = spawn(
      'mmdebstrap',
      [
        '--variant=minbase',
        '--format=tar',
        '--include=nodejs,ca-certificates',
        // Documentation, manual pages and translations are no use in an image.
        '--dpkgopt=path-exclude=/usr/share/doc/*',
        '--dpkgopt=path-exclude=/usr/share/man/*',
        '--dpkgopt=path-exclude=/usr/share/locale/*',
        'trixie',
        partial,
        'http://deb.debian.org/debian',
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', (error) => resolve(error.message));
    child.on('exit', (code, signal) => resolve(code === 0 ? 'ok' : `exit ${signal ?? code}`));
  });
  if (made !== 'ok') {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`mmdebstrap failed (${made}); is it installed (apt-get install mmdebstrap)?`);
  }
  renameSync(partial, tarball);
  return { tarball, made: true };
}

/** Imports the cached rootfs as NODE_BASE_IMAGE into the engine at `host` unless it has it. */
export async function ensureNodeBaseImage(host, { cacheDir } = {}) {
  const socketPath = socketFromHost(host);
  if (!socketPath) throw new Error(`ensureNodeBaseImage needs a unix:// engine, got ${host}`);
  const have = await engineRequest(
    socketPath,
    'GET',
    `/images/${encodeURIComponent(NODE_BASE_IMAGE)}/json`,
  );
  if (have.status === 200) return { image: NODE_BASE_IMAGE, madeRootfs: false, imported: false };
  const { tarball, made } = await ensureNodeBaseTarball(cacheDir);
  const [repo, tag] = NODE_BASE_IMAGE.split(':');
  const changes = encodeURIComponent('CMD ["node"]');
  const res = await engineRequest(
    socketPath,
    'POST',
    `/images/create?fromSrc=-&repo=${encodeURIComponent(repo)}&tag=${tag}&changes=${changes}`,
    {
      body: createReadStream(tarball),
      headers: { 'Content-Type': 'application/x-tar' },
      timeoutMs: 300_000,
    },
  );
  if (res.status !== 200 || /"error"/.test(res.body))
    throw new Error(`importing ${tarball} failed: ${res.status} ${res.body.slice(0, 300)}`);
  return { image: NODE_BASE_IMAGE, madeRootfs: made, imported: true };
}
