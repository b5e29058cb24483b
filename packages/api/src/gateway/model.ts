// The gateway's live engine model (docs/protocol.md, "The engine model"): compact rows of what
// the lists show, a versioned snapshot sent in pages, then deltas. Shared by both apps.
import { z } from 'zod';
import type { ContainerRow, PublishedPort } from '../view-models/container';

/** A container as the lists show it, plus what the networks and volumes pages count. */
export interface ModelContainer extends ContainerRow {
  /** Ids of the networks it is attached to. */
  networks: string[];
  /** Names of the volumes it mounts. */
  volumes: string[];
  imageId: string;
  /**
   * When the current state began (ms since epoch): from the start or die event when the model saw
   * it, else judged from the status text. Lists write `status` again from it (`statusAt`).
   */
  since: number | null;
}

export interface ModelImage {
  id: string;
  tags: string[];
  digests: string[];
  /** Unix seconds, as the engine lists it. */
  created: number;
  size: number;
  labels: Record<string, string>;
}

export interface ModelNetwork {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  ipv6: boolean;
  created: string;
  subnets: string[];
  labels: Record<string, string>;
}

export interface ModelVolume {
  /** The volume's name: volumes have no other id. */
  id: string;
  driver: string;
  mountpoint: string;
  scope: string;
  created: string;
  labels: Record<string, string>;
}

export interface ModelService {
  id: string;
  name: string;
  image: string;
  mode: 'replicated' | 'global' | 'replicated-job' | 'global-job';
  /** Desired replicas of a replicated service; null for global ones. */
  replicas: number | null;
  ports: PublishedPort[];
  updatedAt: string;
  /** The rolling update's state (`updating`, `paused`, `completed`, `rollback_…`); '' when none. */
  updateState: string;
  labels: Record<string, string>;
  /** Ids of the secrets and configs it mounts: the secrets and configs pages name their users. */
  secrets: string[];
  configs: string[];
}

export interface ModelTask {
  id: string;
  serviceId: string;
  nodeId: string;
  slot: number | null;
  state: string;
  desiredState: string;
  message: string;
  error: string;
  containerId: string;
  updatedAt: string;
}

export interface ModelNode {
  id: string;
  hostname: string;
  role: string;
  availability: string;
  state: string;
  addr: string;
  leader: boolean;
  reachability: string;
  engineVersion: string;
  /** Resources the node offers: CPUs in billionths, memory in bytes (0 when not told). */
  nanoCpus: number;
  memoryBytes: number;
  /** The node's own labels (Spec.Labels), which placement constraints match. */
  labels: Record<string, string>;
}

/** Each kind of object the model holds, and its row. */
export interface ModelRows {
  containers: ModelContainer;
  images: ModelImage;
  networks: ModelNetwork;
  volumes: ModelVolume;
  services: ModelService;
  tasks: ModelTask;
  nodes: ModelNode;
}

export type ModelKind = keyof ModelRows;

/** In the order a snapshot sends them: what most pages paint first comes first. */
export const MODEL_KINDS: readonly ModelKind[] = [
  'containers',
  'images',
  'networks',
  'volumes',
  'services',
  'tasks',
  'nodes',
];

export type ModelRow = ModelRows[ModelKind];

export type ModelChange =
  | { op: 'added'; kind: ModelKind; id: string; row: ModelRow }
  /** Only the fields that differ, each with its whole new value. */
  | { op: 'changed'; kind: ModelKind; id: string; fields: Partial<ModelRow> }
  | { op: 'removed'; kind: ModelKind; id: string };

/**
 * Where a client stands: the model's epoch (a new one each time the gateway builds the model
 * from scratch) and the last version it applied.
 */
export interface ModelPosition {
  epoch: string;
  version: number;
}

/** Client to server, on the events socket. */
export type ModelRequest =
  { type: 'model.subscribe'; since?: ModelPosition } | { type: 'model.unsubscribe' };

/** Server to client, on the events socket, once the client subscribed. */
export type ModelMessage =
  | {
      type: 'model.snapshot';
      epoch: string;
      /** The version the snapshot is at; deltas continue from version + 1. */
      version: number;
      /** 0-based page number; page 0 replaces whatever the client held. */
      page: number;
      /** True on the snapshot's last page: the model is complete from here. */
      last: boolean;
      /** Whether the engine is a swarm manager (services, tasks and nodes are then filled). */
      swarm: boolean;
      rows: { [K in ModelKind]?: ModelRows[K][] };
    }
  | { type: 'model.delta'; epoch: string; version: number; swarm: boolean; changes: ModelChange[] }
  | { type: 'model.error'; message: string };

/** Rows per snapshot page: small enough that the first page paints at once. */
export const MODEL_PAGE_ROWS = 500;

/** What a client may send about the model; anything else gets a `model.error`. */
export const modelRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('model.subscribe'),
    since: z
      .object({ epoch: z.string().max(64), version: z.number().int().nonnegative() })
      .optional(),
  }),
  z.object({ type: z.literal('model.unsubscribe') }),
]);
