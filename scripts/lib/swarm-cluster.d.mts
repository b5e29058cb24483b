// Types for swarm-cluster.mjs, so TypeScript tests can start a multi-node swarm.
export interface SwarmClusterNode {
  /** Also the node's hostname, its network namespace and its name in `GET /nodes`. */
  name: string;
  /** `unix://…`: for DOCKER_HOST. */
  host: string;
  socket: string;
  /** The node's address on the cluster's bridge (its swarm advertise address). */
  addr: string;
  /** The role it joined with (a later promote or demote does not change it). */
  role: 'manager' | 'worker';
  /** Its dockerd's log. */
  log: string;
  /** Its dockerd's pid (a new one after `start()`). */
  readonly pid: number | undefined;
  /** Stops just this node's dockerd: the node goes down. */
  stop(): Promise<void>;
  /** Starts its dockerd again on the same data root; resolves when it answers. */
  start(): Promise<void>;
}

export interface SwarmCluster {
  name: string;
  nodes: SwarmClusterNode[];
  /** Node 1, where the swarm was initialised. */
  leader: SwarmClusterNode;
  /** How long starting took, ms: nodes, swarm formed, base image on every node. */
  formedMs: number;
  /** Removes everything the cluster made (logs too, unless kept). */
  stop(options?: { keepLogs?: boolean }): Promise<void>;
}

export interface SwarmClusterOptions {
  /** 1 to 11 of [a-z0-9-], starting with a letter: it names the interfaces. */
  name: string;
  managers?: number;
  workers?: number;
}

export function startSwarmCluster(options: SwarmClusterOptions): Promise<SwarmCluster>;
export function removeSwarmCluster(name: string, options?: { keepLogs?: boolean }): Promise<void>;
export function saveSwarmLogs(name: string, to: string): void;

/** The cluster as the e2e specs read it from BERTH_E2E_CLUSTER: `[{name, host, role}]`, JSON. */
export function clusterEnv(cluster: SwarmCluster): string;
