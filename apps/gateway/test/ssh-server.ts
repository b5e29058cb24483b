// A real OpenSSH server for the ssh:// endpoint tests: Debian's sshd on a loopback port with a
// host key and one authorised client key made here (root login by key only, stream-local
// forwarding on, as on a stock Debian host).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SshServer {
  port: number;
  /** The authorised client key (OpenSSH format, with `passphrase`). */
  clientKey: string;
  passphrase: string;
  /** A key the server does not know. */
  strangerKey: string;
  /** The server's host key as `ssh-keygen -l` prints it (SHA256:…). */
  hostKey: string;
  stop: () => Promise<void>;
}

function keygen(file: string, passphrase = ''): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'berth', '-f', file]);
  return readFileSync(file, 'utf8');
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`sshd exited (${child.exitCode})`));
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        if (Date.now() > deadline) reject(new Error(`sshd did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

export async function startSshServer(port: number): Promise<SshServer> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-sshd-'));
  // sshd's privilege separation directory (normally made by the service unit)
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const passphrase = 'tide-table-2026';
  const clientKey = keygen(join(dir, 'client'), passphrase);
  const strangerKey = keygen(join(dir, 'stranger'));
  keygen(join(dir, 'host'));
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client.pub')), {
    mode: 0o600,
  });
  const hostKey = execFileSync('ssh-keygen', ['-l', '-f', join(dir, 'host.pub')], {
    encoding: 'utf8',
  }).split(' ')[1];
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'AllowStreamLocalForwarding yes',
      '',
    ].join('\n'),
  );
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  try {
    await waitForPort(port, child, 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}: ${stderr.slice(-500)}`);
  }
  return {
    port,
    clientKey,
    passphrase,
    strangerKey,
    hostKey: hostKey ?? '',
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
