// Installs the Debian packages Berth's demo engine, tests and benchmarks need, only when missing.
import { existsSync } from 'node:fs';
import { commandExists, log, run } from './shell.mjs';

/** What each package provides, checked by a file it installs. */
const PACKAGES = {
  'docker.io': '/usr/sbin/dockerd',
  'busybox-static': '/bin/busybox',
  chromium: '/usr/bin/chromium',
  'docker-registry': '/usr/bin/docker-registry',
  'docker-compose': '/usr/bin/docker-compose',
  'apache2-utils': '/usr/bin/htpasswd',
  iptables: '/usr/sbin/iptables',
  iproute2: '/usr/sbin/ip',
  openssl: '/usr/bin/openssl',
  'fonts-liberation': '/usr/share/fonts/truetype/liberation',
  'openssh-server': '/usr/sbin/sshd',
  'openssh-client': '/usr/bin/ssh',
  gcc: '/usr/bin/gcc',
  'libc6-dev': '/usr/include/stdio.h',
  // the image test makes a Node base rootfs; the reverse-proxy test runs a real nginx
  mmdebstrap: '/usr/bin/mmdebstrap',
  nginx: '/usr/sbin/nginx',
};

export function missingPackages(names) {
  for (const name of names)
    if (!PACKAGES[name]) throw new Error(`scripts/lib/system.mjs has no file to check ${name} by`);
  return names.filter((name) => !existsSync(PACKAGES[name]));
}

export async function ensurePackages(names) {
  const missing = missingPackages(names);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !commandExists('apt-get')) {
    throw new Error(
      `missing packages: ${missing.join(', ')}. Install them with apt-get (as root) and retry.`,
    );
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  await run('apt-get', ['update', '-qq']);
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
