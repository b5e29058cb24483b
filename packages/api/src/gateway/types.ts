// Shapes of Berth's own gateway routes (not the engine's).
import type { Role } from './auth-types';

export type EngineKind = 'docker' | 'pouch';
export type EndpointStatus = 'up' | 'down' | 'unknown';

export interface EndpointSummary {
  id: string;
  name: string;
  /** Where the engine listens, e.g. `unix:///var/run/docker.sock`. */
  url: string;
  /**
   * More addresses of the same engine (a swarm's other managers), tried in turn when the one in
   * use stops answering.
   */
  alternates: string[];
  /** The address calls go to now: `url`, or the alternate a fail-over switched to. */
  connectedUrl: string;
  kind: EngineKind;
  /** The API version the gateway speaks to this engine: the lower of the engine's and Berth's. */
  apiVersion: string | null;
  engineVersion: string | null;
  status: EndpointStatus;
  /** Why the endpoint is down, in words a person can act on. */
  error: string | null;
  /** When the gateway last reached the engine (ms since epoch). */
  checkedAt: number | null;
  latencyMs: number | null;
  /** True for the private demo engine `npm start` runs when none answered at DOCKER_HOST. */
  demo: boolean;
  /** `environment`: from DOCKER_HOST (read-only here); `saved`: added by an admin. */
  source: 'environment' | 'saved';
  /** Whether the connection uses TLS (the certificates themselves never leave the gateway). */
  tls: boolean;
  /** For `ssh://` endpoints: the server's host key fingerprint, pinned on first use. */
  sshHostKey?: string | null;
  /** The caller's role on this endpoint: a per-endpoint grant, else their own role. */
  role?: Role;
}

export interface EndpointInput {
  name: string;
  /** `unix:///path/docker.sock`, `tcp://host:port` or `ssh://user@host[:port][/path/to/docker.sock]` */
  url: string;
  /**
   * More `unix://` or `tcp://` addresses of the same engine (a swarm's other managers), tried in
   * turn when `url` stops answering; omitted keeps what is saved.
   */
  alternates?: string[];
  /** PEM text; omitted fields keep what is saved. */
  tls?: { verify: boolean; ca?: string; cert?: string; key?: string } | null;
  /**
   * For `ssh://` URLs: the private key (OpenSSH or PEM text) and its passphrase, stored sealed.
   * Omitted fields keep what is saved; `hostKey` pins the server's key (SHA256:… fingerprint).
   */
  ssh?: { privateKey?: string; passphrase?: string; hostKey?: string } | null;
}

export interface EndpointTestResult {
  ok: boolean;
  kind: EngineKind | null;
  apiVersion: string | null;
  engineVersion: string | null;
  latencyMs: number | null;
  error: string | null;
  /** For `ssh://`: the host key fingerprint the server showed (check it before saving). */
  sshHostKey?: string | null;
}

export interface Health {
  status: 'ok';
  version: string;
}
