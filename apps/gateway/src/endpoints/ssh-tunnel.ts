import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type ConnectConfig } from 'ssh2';

/** What an `ssh://` endpoint needs besides its URL (kept sealed in the store). */
export interface SshMaterial {
  /** OpenSSH or PEM private key; none → the gateway user's ssh-agent or ~/.ssh keys. */
  privateKey?: string;
  passphrase?: string;
  /** Pinned `SHA256:…` fingerprint of the server's host key; learnt on first use when absent. */
  hostKey?: string;
}

/** The remote socket when the URL names none: where both dockerd and pouchd listen by default. */
const DEFAULT_REMOTE_SOCKET = '/var/run/docker.sock';

/** `SHA256:…` as `ssh-keygen -l` prints it. */
export function fingerprintOf(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/**
 * An `ssh://user@host[:port][/socket]` engine made to look like a local unix socket: the tunnel
 * listens on a private socket file and forwards every connection over one SSH connection to the
 * remote engine socket (OpenSSH `direct-streamlocal`). Everything above it (keep-alive pool,
 * hijacked attach/exec, timeouts) then works as it does for `unix://`. Unlike the Docker CLI's
 * `docker system dial-stdio`, this needs no docker binary on the host, so it reaches pouchd too.
 */
export class SshTunnel {
  readonly socketPath: string;
  /** Why the last connection failed, in words a person can act on; null once one works. */
  lastError: string | null = null;
  /** The host key fingerprint the server showed (pinned or learnt). */
  hostKey: string | null;

  private readonly dir: string;
  private readonly server: Server;
  private readonly remoteSocket: string;
  private client: Promise<Client> | null = null;
  private closed = false;

  constructor(
    private readonly url: URL,
    private readonly material: SshMaterial,
    /** Called once when an unpinned host key is seen first, so the caller can pin it. */
    private readonly onHostKeyLearned?: (fingerprint: string) => void,
  ) {
    this.remoteSocket = decodeURIComponent(url.pathname) || DEFAULT_REMOTE_SOCKET;
    if (this.remoteSocket === '/') this.remoteSocket = DEFAULT_REMOTE_SOCKET;
    this.hostKey = material.hostKey ?? null;
    // A private directory: only the gateway's user may use the engine through this socket.
    this.dir = mkdtempSync(join(tmpdir(), 'berth-ssh-'));
    chmodSync(this.dir, 0o700);
    this.socketPath = join(this.dir, 'engine.sock');
    this.server = createServer((local) => this.forward(local));
    // Binding a unix socket is synchronous, so the first request can connect right away.
    this.server.listen(this.socketPath);
  }

  private forward(local: Socket): void {
    local.on('error', () => local.destroy());
    this.connect()
      .then(
        (client) =>
          new Promise<void>((resolve, reject) => {
            client.openssh_forwardOutStreamLocal(this.remoteSocket, (error, remote) => {
              if (error) {
                reject(
                  new Error(
                    `Connected to ${this.where()}, but could not open the engine socket ${this.remoteSocket} there (${error.message}). Is the engine running, and may ${this.url.username || 'this user'} use its socket?`,
                  ),
                );
                return;
              }
              this.lastError = null;
              remote.on('error', () => local.destroy());
              local.on('close', () => remote.close());
              remote.on('close', () => local.destroy());
              local.pipe(remote).pipe(local);
              resolve();
            });
          }),
      )
      .catch((error: Error) => {
        this.lastError = error.message;
        local.destroy();
      });
  }

  /** One SSH connection shared by all forwarded sockets; made again after it drops. */
  private connect(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error('this endpoint was removed'));
    if (this.client) return this.client;
    const attempt = new Promise<Client>((resolve, reject) => {
      const client = new Client();
      let mismatch: string | null = null;
      const config: ConnectConfig = {
        host: this.url.hostname,
        port: Number(this.url.port || 22),
        username: decodeURIComponent(this.url.username) || 'root',
        readyTimeout: 10_000,
        keepaliveInterval: 15_000,
        keepaliveCountMax: 3,
        hostVerifier: (key: Buffer) => {
          const seen = fingerprintOf(key);
          if (this.hostKey && this.hostKey !== seen) {
            mismatch = seen;
            return false;
          }
          if (!this.hostKey) {
            this.hostKey = seen;
            this.onHostKeyLearned?.(seen);
          }
          return true;
        },
        ...credentials(this.material),
      };
      client.once('ready', () => resolve(client));
      client.on('error', (error: Error & { level?: string }) => {
        reject(new Error(this.explain(error, mismatch)));
        if (this.client === attempt) this.client = null;
      });
      client.once('close', () => {
        if (this.client === attempt) this.client = null;
      });
      try {
        client.connect(config);
      } catch (error) {
        // an unreadable key throws here rather than emitting 'error'; fail once `attempt` is set
        queueMicrotask(() => {
          reject(new Error(this.explain(error as Error, null)));
          if (this.client === attempt) this.client = null;
        });
      }
    });
    this.client = attempt;
    return attempt;
  }

  private where(): string {
    return `ssh://${this.url.username ? `${this.url.username}@` : ''}${this.url.host}`;
  }

  private explain(error: Error & { level?: string; code?: string }, mismatch: string | null) {
    const where = this.where();
    if (mismatch) {
      return `The SSH host key of ${where} changed: expected ${this.hostKey}, the server showed ${mismatch}. Berth refused to connect (this is what a man-in-the-middle looks like). If the server was reinstalled, edit the endpoint and clear or replace its host key.`;
    }
    if (error.level === 'client-authentication') {
      return `${where} refused the login: the key was not accepted. Check the user name and that the public key is in that user's authorized_keys.`;
    }
    if (/passphrase/i.test(error.message) || /parse privateKey/i.test(error.message)) {
      return `Cannot use the SSH private key for ${where}: ${error.message}. Paste the whole key (and its passphrase if it has one).`;
    }
    switch (error.code) {
      case 'ECONNREFUSED':
        return `Cannot reach ${where}: connection refused. Is sshd running and listening on that port?`;
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return `Cannot reach ${where}: the host name does not resolve.`;
      case 'ETIMEDOUT':
        return `Cannot reach ${where}: it did not answer in time. Check the address and any firewall in between.`;
    }
    if (error.level === 'client-timeout') {
      return `Cannot reach ${where}: the SSH handshake did not finish in time.`;
    }
    return `Cannot reach ${where}: ${error.message}.`;
  }

  close(): void {
    this.closed = true;
    this.server.close();
    void this.client?.then((c) => c.end()).catch(() => undefined);
    this.client = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A stored key; otherwise what the Docker CLI would use: the agent, then the usual key files. */
function credentials(material: SshMaterial): Partial<ConnectConfig> {
  if (material.privateKey) {
    return { privateKey: material.privateKey, passphrase: material.passphrase || undefined };
  }
  if (process.env.SSH_AUTH_SOCK) return { agent: process.env.SSH_AUTH_SOCK };
  for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
    const file = join(homedir(), '.ssh', name);
    if (existsSync(file)) return { privateKey: readFileSync(file) };
  }
  return {};
}
