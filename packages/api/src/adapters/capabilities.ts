import type { EngineKind } from '../gateway/types';

/** What an engine can do, so the UI offers only what works (never shown to fail). */
export interface Capabilities {
  kill: boolean;
  changes: boolean;
  export: boolean;
  prune: boolean;
  systemDf: boolean;
  build: boolean;
  swarm: boolean;
  plugins: boolean;
  imageGetAll: boolean;
  /** Files in a container (`/containers/{id}/archive`). */
  archive: boolean;
  checkpoints: boolean;
  upgrade: boolean;
  daemonUpdate: boolean;
}

export type Capability = keyof Capabilities;

const DOCKER: Capabilities = {
  kill: true,
  changes: true,
  export: true,
  prune: true,
  systemDf: true,
  build: true,
  swarm: true,
  plugins: true,
  imageGetAll: true,
  archive: true,
  checkpoints: false,
  upgrade: false,
  daemonUpdate: false,
};

const POUCH: Capabilities = {
  kill: false,
  changes: false,
  export: false,
  prune: false,
  systemDf: false,
  build: false,
  swarm: false,
  plugins: false,
  imageGetAll: false,
  archive: false,
  checkpoints: true,
  upgrade: true,
  daemonUpdate: true,
};

export function capabilitiesOf(kind: EngineKind): Capabilities {
  return kind === 'pouch' ? POUCH : DOCKER;
}

/** Why a capability is missing, for a tooltip in place of a button that would fail. */
export function missingCapabilityReason(kind: EngineKind, capability: Capability): string {
  const engine = kind === 'pouch' ? 'PouchContainer' : 'Docker Engine';
  const honest: Partial<Record<Capability, string>> = {
    kill: `${engine} has no kill API; "stop" with no grace period is not the same thing (it sends SIGTERM first), so Berth does not pretend.`,
    changes: `${engine} has no API listing a container's filesystem changes.`,
    export: `${engine} has no container export API.`,
    archive: `${engine} has no API to read or write files in a container (archive).`,
    prune: `${engine} has no prune API: remove unused containers, images, networks and volumes one by one.`,
    systemDf: `${engine} has no disk usage API (/system/df), so sizes and use counts are not known.`,
    build: `${engine} has no build API: build elsewhere and pull or load the image.`,
    swarm: `${engine} has no swarm mode.`,
    plugins: `${engine} has no plugin API.`,
    imageGetAll: `${engine} saves one image at a time: select a single image.`,
    checkpoints: `${engine} has no checkpoint API (PouchContainer has, with CRIU).`,
    upgrade: `${engine} has no in-place upgrade (PouchContainer has). Use Duplicate/Edit to recreate.`,
    daemonUpdate: `${engine} has no daemon update API.`,
  };
  return honest[capability] ?? `${engine} does not offer this (${capability}).`;
}
