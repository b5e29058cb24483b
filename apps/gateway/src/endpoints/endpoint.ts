import type {
  EndpointStatus,
  EndpointSummary,
  EngineKind,
  SystemInfo,
  SystemVersion,
} from '@berth/api';
import { negotiateApiVersion } from '../version';
import type { Transport } from './transport';

/** How long a check waits for /info once /version answered (see `learn`). */
const INFO_TIMEOUT_MS = 2000;

export interface EndpointOptions {
  id: string;
  name: string;
  transport: Transport;
  /**
   * More addresses of the same engine, tried in turn when the current one stops answering: the
   * other managers of a swarm, so Berth keeps working when the manager it talks to goes down.
   */
  alternates?: Transport[];
  demo?: boolean;
  source?: 'environment' | 'saved';
}

/**
 * Learns the engine's kind from what it says about itself (not from configuration): pouchd has
 * no `Components` in /version and reports `PouchRootDir` in /info.
 */
export function detectEngineKind(
  version: Partial<SystemVersion>,
  info?: Partial<SystemInfo> & Record<string, unknown>,
): EngineKind {
  if (info && 'PouchRootDir' in info) return 'pouch';
  if (!version.Components && version.ApiVersion === '1.24' && /^1\./.test(version.Version ?? ''))
    return 'pouch';
  return 'docker';
}

/** One engine Berth manages: how to reach it and what it last learnt about it. */
export class Endpoint {
  readonly id: string;
  readonly name: string;
  /** The configured address first, then its alternates: every way to reach this engine. */
  readonly transports: readonly Transport[];
  /** The configured address: what an admin typed, or DOCKER_HOST. */
  private readonly configured: Transport;
  /** Which of `transports` every call goes through now (see `doRefresh`). */
  private current: Transport;
  readonly demo: boolean;
  readonly source: 'environment' | 'saved';
  kind: EngineKind = 'docker';
  apiVersion: string | null = null;
  engineVersion: string | null = null;
  status: EndpointStatus = 'unknown';
  error: string | null = null;
  checkedAt: number | null = null;
  latencyMs: number | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(options: EndpointOptions) {
    this.id = options.id;
    this.name = options.name;
    this.configured = options.transport;
    this.current = options.transport;
    this.transports = [options.transport, ...(options.alternates ?? [])];
    this.demo = options.demo ?? false;
    this.source = options.source ?? 'saved';
  }

  /**
   * The way to the engine now. Every caller asks for it per call (never keeps it), so after a
   * fail-over the relay, the hubs' reconnects and the model's reads all go the new way.
   */
  get transport(): Transport {
    return this.current;
  }

  /** The configured address (what an admin typed), whichever one is in use. */
  get url(): string {
    return this.configured.url;
  }

  /** The engine path for a relayed call: keeps an explicit `/vX.Y` prefix, else adds ours. */
  versionedPath(enginePath: string): string {
    if (/^\/v\d+\.\d+(\/|$)/.test(enginePath) || !this.apiVersion) return enginePath;
    return `/v${this.apiVersion}${enginePath}`;
  }

  /** Reads /version (and /info) to learn kind and API version; marks the endpoint up or down. */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const failure = await this.learn(this.transport);
    if (!failure) return this.markUp();
    // The address in use failed: the first alternate that answers takes over.
    for (const transport of this.transports) {
      if (transport === this.current || (await this.learn(transport))) continue;
      this.current = transport;
      return this.markUp();
    }
    this.setDown(failure);
  }

  /** Reads /version (and /info) over one address; returns the failure, or null when it answered. */
  private async learn(transport: Transport): Promise<{ error: unknown } | null> {
    const started = performance.now();
    try {
      const version = await transport.json<SystemVersion>('GET', '/version');
      if (version.status !== 200 || !version.body?.ApiVersion) {
        throw new Error(`the engine answered /version with HTTP ${version.status}`);
      }
      const apiVersion = negotiateApiVersion(version.body.ApiVersion);
      this.latencyMs = Math.round(performance.now() - started);
      // /info only sharpens the kind: a swarm manager waiting for a new leader can hold it for
      // seconds, and an engine that answered /version is up (a fail-over must not wait there).
      const info = await transport
        .json<SystemInfo & Record<string, unknown>>('GET', `/v${apiVersion}/info`, {
          timeoutMs: INFO_TIMEOUT_MS,
        })
        .catch(() => null);
      this.apiVersion = apiVersion;
      this.engineVersion = version.body.Version;
      this.kind = detectEngineKind(version.body, info?.status === 200 ? info.body : undefined);
      return null;
    } catch (error) {
      return { error };
    }
  }

  /** A cheap liveness check; learns the version again when the engine comes back. */
  async check(): Promise<void> {
    if (this.status !== 'up' || !this.apiVersion) return this.refresh();
    const started = performance.now();
    try {
      const ping = await this.transport.json<string>('GET', '/_ping', { timeoutMs: 3000 });
      if (ping.status !== 200)
        throw new Error(`the engine answered /_ping with HTTP ${ping.status}`);
      this.latencyMs = Math.round(performance.now() - started);
      this.markUp();
    } catch (error) {
      if (this.transports.length > 1) return this.refresh();
      this.setDown({ error });
    }
  }

  markUp(): void {
    this.status = 'up';
    this.error = null;
    this.checkedAt = Date.now();
  }

  /**
   * A call over the address in use failed to reach the engine: marks the endpoint down and
   * returns why, in words a person can act on. With alternates, a fail-over starts at once
   * rather than at the next background check.
   */
  markDown(error: unknown): string {
    const message = this.setDown({ error });
    if (this.transports.length > 1) void this.refresh();
    return message;
  }

  private setDown({ error }: { error: unknown }): string {
    const message =
      error instanceof Error &&
      !(error as { code?: string }).code &&
      error.message.startsWith('the engine')
        ? `The engine at ${this.url} is not answering as expected: ${error.message}.`
        : this.transport.describeError(error);
    this.status = 'down';
    this.error = message;
    this.checkedAt = Date.now();
    this.latencyMs = null;
    return message;
  }

  /** Closes the connections of every address. */
  close(): void {
    for (const transport of this.transports) transport.close();
  }

  summary(): EndpointSummary {
    return {
      id: this.id,
      name: this.name,
      url: this.url,
      alternates: this.transports.slice(1).map((t) => t.url),
      connectedUrl: this.transport.url,
      kind: this.kind,
      apiVersion: this.apiVersion,
      engineVersion: this.engineVersion,
      status: this.status,
      error: this.error,
      checkedAt: this.checkedAt,
      latencyMs: this.latencyMs,
      demo: this.demo,
      source: this.source,
      tls: this.transport.secure,
      sshHostKey: this.transport.tunnel?.hostKey ?? null,
    };
  }
}
