// Swarm, plugin and distribution objects of the Engine API (1.33 names), as far as Berth reads
// them. Specs are sent back to the engine whole on update, so unknown fields must survive:
// every spec carries an index signature rather than being narrowed to what the UI edits.

export interface ObjectVersion {
  Index: number;
}

export interface JoinTokens {
  Worker: string;
  Manager: string;
}

export interface SwarmSpec {
  Name?: string;
  Labels?: Record<string, string>;
  Orchestration?: { TaskHistoryRetentionLimit?: number } | null;
  Raft?: {
    SnapshotInterval?: number;
    KeepOldSnapshots?: number;
    LogEntriesForSlowFollowers?: number;
    ElectionTick?: number;
    HeartbeatTick?: number;
  };
  Dispatcher?: { HeartbeatPeriod?: number } | null;
  CAConfig?: { NodeCertExpiry?: number; ExternalCAs?: unknown[] } | null;
  EncryptionConfig?: { AutoLockManagers?: boolean };
  TaskDefaults?: { LogDriver?: { Name: string; Options?: Record<string, string> } | null };
  [field: string]: unknown;
}

export interface SwarmInspect {
  ID: string;
  Version: ObjectVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: SwarmSpec;
  JoinTokens: JoinTokens;
  RootRotationInProgress?: boolean;
  DefaultAddrPool?: string[];
  SubnetSize?: number;
  DataPathPort?: number;
  TLSInfo?: { TrustRoot?: string };
}

export interface SwarmInfo {
  NodeID?: string;
  NodeAddr?: string;
  LocalNodeState: 'inactive' | 'pending' | 'active' | 'error' | 'locked' | string;
  ControlAvailable?: boolean;
  Error?: string;
  RemoteManagers?: Array<{ NodeID: string; Addr: string }> | null;
  Nodes?: number;
  Managers?: number;
}

export interface NodeSpec {
  Name?: string;
  Labels?: Record<string, string>;
  Role: 'worker' | 'manager';
  Availability: 'active' | 'pause' | 'drain';
  [field: string]: unknown;
}

export interface SwarmNode {
  ID: string;
  Version: ObjectVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: NodeSpec;
  Description: {
    Hostname: string;
    Platform?: { Architecture?: string; OS?: string };
    Resources?: { NanoCPUs?: number; MemoryBytes?: number };
    Engine?: { EngineVersion?: string; Labels?: Record<string, string> };
  };
  Status: { State: string; Message?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string } | null;
}

export interface ServiceMount {
  Type: 'bind' | 'volume' | 'tmpfs' | string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
}

export interface SecretReference {
  SecretID: string;
  SecretName: string;
  File?: { Name: string; UID: string; GID: string; Mode: number };
}

export interface ConfigReference {
  ConfigID: string;
  ConfigName: string;
  File?: { Name: string; UID: string; GID: string; Mode: number };
}

export interface ContainerSpec {
  Image: string;
  Command?: string[];
  Args?: string[];
  Env?: string[];
  Labels?: Record<string, string>;
  Mounts?: ServiceMount[];
  Secrets?: SecretReference[];
  Configs?: ConfigReference[];
  Healthcheck?: {
    Test?: string[];
    Interval?: number;
    Timeout?: number;
    Retries?: number;
    StartPeriod?: number;
  };
  [field: string]: unknown;
}

export interface UpdatePolicy {
  Parallelism?: number;
  Delay?: number;
  FailureAction?: string;
  Monitor?: number;
  MaxFailureRatio?: number;
  Order?: 'stop-first' | 'start-first';
}

export interface TaskSpec {
  ContainerSpec?: ContainerSpec;
  Resources?: {
    Limits?: { NanoCPUs?: number; MemoryBytes?: number };
    Reservations?: { NanoCPUs?: number; MemoryBytes?: number };
  };
  RestartPolicy?: {
    Condition?: 'none' | 'on-failure' | 'any';
    Delay?: number;
    MaxAttempts?: number;
    Window?: number;
  };
  Placement?: {
    Constraints?: string[];
    Preferences?: Array<{ Spread: { SpreadDescriptor: string } }>;
  };
  Networks?: Array<{ Target: string; Aliases?: string[] }>;
  LogDriver?: { Name: string; Options?: Record<string, string> };
  ForceUpdate?: number;
  [field: string]: unknown;
}

export interface PortConfig {
  Name?: string;
  Protocol?: 'tcp' | 'udp' | 'sctp';
  TargetPort: number;
  PublishedPort?: number;
  PublishMode?: 'ingress' | 'host';
}

export interface ServiceSpec {
  Name: string;
  Labels?: Record<string, string>;
  TaskTemplate: TaskSpec;
  Mode?: { Replicated?: { Replicas?: number }; Global?: Record<string, never> };
  UpdateConfig?: UpdatePolicy;
  RollbackConfig?: UpdatePolicy;
  Networks?: Array<{ Target: string; Aliases?: string[] }>;
  EndpointSpec?: { Mode?: 'vip' | 'dnsrr'; Ports?: PortConfig[] };
  [field: string]: unknown;
}

export interface SwarmService {
  ID: string;
  Version: ObjectVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: ServiceSpec;
  PreviousSpec?: ServiceSpec;
  Endpoint?: { Ports?: PortConfig[]; VirtualIPs?: Array<{ NetworkID: string; Addr: string }> };
  UpdateStatus?: { State?: string; StartedAt?: string; CompletedAt?: string; Message?: string };
}

export interface SwarmTask {
  ID: string;
  Version: ObjectVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Name?: string;
  Labels?: Record<string, string>;
  Spec: TaskSpec;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  Status: {
    Timestamp?: string;
    State: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; PID?: number; ExitCode?: number };
  };
  DesiredState: string;
}

export interface SwarmDataSpec {
  Name: string;
  Labels?: Record<string, string>;
  Data?: string;
  [field: string]: unknown;
}

/** A secret or a config: the same shape; a secret's Data never comes back from the engine. */
export interface SwarmDataObject {
  ID: string;
  Version: ObjectVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: SwarmDataSpec;
}

export interface PluginPrivilege {
  Name: string;
  Description: string;
  Value: string[];
}

export interface PluginEnv {
  Name: string;
  Description: string;
  Settable: string[] | null;
  Value: string;
}

export interface Plugin {
  Id: string;
  Name: string;
  Enabled: boolean;
  PluginReference?: string;
  Settings: { Env: string[]; Args: string[]; Mounts: unknown[]; Devices: unknown[] };
  Config: {
    Description: string;
    Documentation: string;
    DockerVersion?: string;
    Interface: { Types: Array<string | { Capability: string; Prefix: string; Version: string }> };
    Env: PluginEnv[] | null;
    Linux?: { Capabilities?: string[] | null };
    Network?: { Type: string };
    [field: string]: unknown;
  };
}

/**
 * `GET /distribution/{name}/json`. The 1.33 reference capitalises the fields; engines since
 * serve the OCI descriptor's own lower-case names. Read it through `readDistribution`.
 */
export interface DistributionInspect {
  Descriptor: {
    MediaType?: string;
    Digest?: string;
    Size?: number;
    mediaType?: string;
    digest?: string;
    size?: number;
  };
  Platforms: Array<{
    Architecture?: string;
    OS?: string;
    Variant?: string;
    architecture?: string;
    os?: string;
    variant?: string;
  }> | null;
}

/** A distribution answer in one spelling, whichever the engine used. */
export function readDistribution(answer: DistributionInspect): {
  digest: string;
  mediaType: string;
  size: number | null;
  platforms: string[];
} {
  const d = answer.Descriptor;
  return {
    digest: d.digest ?? d.Digest ?? '',
    mediaType: d.mediaType ?? d.MediaType ?? '',
    size: d.size ?? d.Size ?? null,
    platforms: (answer.Platforms ?? []).map((p) =>
      [p.os ?? p.OS, p.architecture ?? p.Architecture, p.variant ?? p.Variant]
        .filter(Boolean)
        .join('/'),
    ),
  };
}
