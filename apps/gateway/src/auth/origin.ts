import type { IncomingMessage } from 'node:http';

export interface OriginOptions {
  /** The address the gateway binds (HOST). */
  host: string;
  port: number;
  secure: boolean;
  /** Extra origins a browser may use to reach Berth (BERTH_ORIGINS), e.g. https://berth.example.com */
  extraOrigins: readonly string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD = ['0.0.0.0', '::', '[::]'];

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/**
 * Which origins may drive the gateway from a browser. Bound to loopback, Berth also checks the
 * Host header, so a DNS-rebinding page (evil.example resolving to 127.0.0.1) is turned away even
 * before anyone has logged in (the first-run page is open then).
 */
export class OriginPolicy {
  private readonly origins = new Set<string>();
  private readonly hosts = new Set<string>();
  private readonly strictHost: boolean;
  private readonly scheme: string;

  constructor(options: OriginOptions) {
    this.scheme = options.secure ? 'https' : 'http';
    this.strictHost = isLoopback(options.host);
    const names = new Set<string>(LOOPBACK_NAMES);
    if (!WILDCARD.includes(options.host))
      names.add(
        options.host.includes(':') && !options.host.startsWith('[')
          ? `[${options.host}]`
          : options.host,
      );
    for (const name of names) this.add(`${this.scheme}://${name}:${options.port}`);
    for (const origin of options.extraOrigins) this.add(origin);
  }

  private add(origin: string): void {
    const url = new URL(origin);
    this.origins.add(url.origin);
    this.hosts.add(url.host);
  }

  /** False when the Host header names a host Berth was not told about (DNS rebinding). */
  hostAllowed(hostHeader: string | undefined): boolean {
    if (!this.strictHost) return true;
    return hostHeader !== undefined && this.hosts.has(hostHeader.toLowerCase());
  }

  /**
   * True when a browser on `origin` may act on this gateway. `secure` is how the browser
   * reached it (HTTPS at a trusted proxy in front), when the caller knows.
   */
  originAllowed(origin: string, hostHeader: string | undefined, secure?: boolean): boolean {
    if (this.origins.has(origin)) return true;
    const scheme = secure === undefined ? this.scheme : secure ? 'https' : 'http';
    // Bound to a public address and reached under its own name: same-origin by definition.
    return (
      !this.strictHost &&
      hostHeader !== undefined &&
      origin === `${scheme}://${hostHeader.toLowerCase()}`
    );
  }

  /** The origins printed in errors, to tell a person what to set in BERTH_ORIGINS. */
  describe(): string {
    return [...this.origins].join(', ');
  }
}

export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
