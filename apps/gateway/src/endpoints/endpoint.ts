import type {
  EndpointStatus,
  EndpointSummary,
  EngineKind,
  SystemInfo,
  SystemVersion,
} from '@berth/api';
import { negotiateApiVersion } from '../version';
import type { Transport } from './transport';

export interface EndpointOptions {
  id: string;
  name: string;
  transport: Transport;
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
  readonly transport: Transport;
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
    this.transport = options.transport;
    this.demo = options.demo ?? false;
    this.source = options.source ?? 'saved';
  }

  get url(): string {
    return this.transport.url;
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
    const started = performance.now();
    try {
      const version = await this.transport.json<SystemVersion>('GET', '/version');
      if (version.status !== 200 || !version.body?.ApiVersion) {
        throw new Error(`the engine answered /version with HTTP ${version.status}`);
      }
      this.latencyMs = Math.round(performance.now() - started);
      this.apiVersion = negotiateApiVersion(version.body.ApiVersion);
      this.engineVersion = version.body.Version;
      const info = await this.transport.json<SystemInfo & Record<string, unknown>>(
        'GET',
        `/v${this.apiVersion}/info`,
      );
      this.kind = detectEngineKind(version.body, info.status === 200 ? info.body : undefined);
      this.markUp();
    } catch (error) {
      this.markDown(error);
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
      this.markDown(error);
    }
  }

  markUp(): void {
    this.status = 'up';
    this.error = null;
    this.checkedAt = Date.now();
  }

  markDown(error: unknown): string {
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

  summary(): EndpointSummary {
    return {
      id: this.id,
      name: this.name,
      url: this.url,
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
