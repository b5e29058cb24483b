// Docker Engine API shapes Berth reads (API 1.33 reference, served engines up to 1.41).
// The engine uses an open schema: these list what Berth relies on, and responses may carry more.

export type ContainerState =
  'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface Port {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: 'tcp' | 'udp' | 'sctp';
}

export interface EndpointSettings {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string } | null;
  Links?: string[] | null;
  Aliases?: string[] | null;
  NetworkID?: string;
  EndpointID?: string;
  Gateway?: string;
  IPAddress?: string;
  IPPrefixLen?: number;
  IPv6Gateway?: string;
  GlobalIPv6Address?: string;
  MacAddress?: string;
}

export interface MountPoint {
  Type?: 'bind' | 'volume' | 'tmpfs' | 'npipe' | string;
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode?: string;
  RW?: boolean;
  Propagation?: string;
}

export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: Port[];
  SizeRw?: number;
  SizeRootFs?: number;
  Labels: Record<string, string>;
  State: ContainerState;
  Status: string;
  HostConfig?: { NetworkMode?: string };
  NetworkSettings?: { Networks?: Record<string, EndpointSettings> };
  Mounts?: MountPoint[];
}

export interface RestartPolicy {
  Name?: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure';
  MaximumRetryCount?: number;
}

export interface PortBinding {
  HostIp?: string;
  HostPort?: string;
}

export interface HostConfig {
  Binds?: string[] | null;
  NetworkMode?: string;
  PortBindings?: Record<string, PortBinding[] | null> | null;
  RestartPolicy?: RestartPolicy;
  AutoRemove?: boolean;
  Privileged?: boolean;
  PublishAllPorts?: boolean;
  ReadonlyRootfs?: boolean;
  CapAdd?: string[] | null;
  CapDrop?: string[] | null;
  Memory?: number;
  MemorySwap?: number;
  MemoryReservation?: number;
  NanoCpus?: number;
  CpuShares?: number;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpusetCpus?: string;
  PidsLimit?: number | null;
  Mounts?: Array<{
    Target: string;
    Source?: string;
    Type: 'bind' | 'volume' | 'tmpfs' | 'npipe';
    ReadOnly?: boolean;
  }> | null;
  LogConfig?: { Type: string; Config?: Record<string, string> };
  Dns?: string[] | null;
  ExtraHosts?: string[] | null;
  PidMode?: string;
  IpcMode?: string;
  UTSMode?: string;
  Devices?: unknown[] | null;
}

export interface HealthState {
  Status: 'none' | 'starting' | 'healthy' | 'unhealthy';
  FailingStreak: number;
  Log?: Array<{ Start: string; End: string; ExitCode: number; Output: string }> | null;
}

export interface ContainerConfig {
  Hostname?: string;
  Domainname?: string;
  User?: string;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  Env?: string[] | null;
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Image?: string;
  Labels?: Record<string, string> | null;
  WorkingDir?: string;
  ExposedPorts?: Record<string, object> | null;
  Volumes?: Record<string, object> | null;
  Healthcheck?: {
    Test?: string[];
    Interval?: number;
    Timeout?: number;
    Retries?: number;
    StartPeriod?: number;
  };
  StopSignal?: string;
  StopTimeout?: number;
}

export interface ContainerInspect {
  Id: string;
  Created: string;
  Path: string;
  Args: string[] | null;
  State: {
    Status: ContainerState;
    Running: boolean;
    Paused: boolean;
    Restarting: boolean;
    OOMKilled: boolean;
    Dead: boolean;
    Pid: number;
    ExitCode: number;
    Error: string;
    StartedAt: string;
    FinishedAt: string;
    Health?: HealthState;
  };
  Image: string;
  Name: string;
  RestartCount: number;
  Driver: string;
  Platform?: string;
  Mounts: MountPoint[];
  Config: ContainerConfig;
  HostConfig: HostConfig;
  NetworkSettings: {
    Ports?: Record<string, PortBinding[] | null> | null;
    Networks?: Record<string, EndpointSettings>;
    IPAddress?: string;
  };
  SizeRw?: number;
  SizeRootFs?: number;
}

export interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[] | null;
  RepoDigests: string[] | null;
  Created: number;
  Size: number;
  SharedSize: number;
  VirtualSize?: number;
  Labels: Record<string, string> | null;
  Containers: number;
}

export interface Network {
  Id: string;
  Name: string;
  Created: string;
  Scope: string;
  Driver: string;
  EnableIPv6: boolean;
  Internal: boolean;
  Attachable: boolean;
  IPAM?: {
    Driver: string;
    Config?: Array<{ Subnet?: string; Gateway?: string; IPRange?: string }>;
  };
  Containers?: Record<string, { Name: string; IPv4Address: string; IPv6Address: string }>;
  Options?: Record<string, string>;
  Labels?: Record<string, string>;
}

export interface Volume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  CreatedAt?: string;
  Scope: 'local' | 'global';
  Labels: Record<string, string> | null;
  Options: Record<string, string> | null;
  UsageData?: { Size: number; RefCount: number } | null;
}

export interface VolumeList {
  Volumes: Volume[] | null;
  Warnings: string[] | null;
}

export interface SystemInfo {
  ID?: string;
  Name: string;
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  Driver: string;
  OperatingSystem: string;
  OSType: string;
  Architecture: string;
  KernelVersion: string;
  NCPU: number;
  MemTotal: number;
  ServerVersion: string;
  DockerRootDir?: string;
  Swarm?: { LocalNodeState: string; NodeID?: string; ControlAvailable?: boolean };
  Warnings?: string[] | null;
}

export interface SystemVersion {
  Version: string;
  ApiVersion: string;
  MinAPIVersion?: string;
  GitCommit?: string;
  GoVersion?: string;
  Os: string;
  Arch: string;
  KernelVersion?: string;
  BuildTime?: string;
  Platform?: { Name: string };
  Components?: Array<{ Name: string; Version: string }>;
}

export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope?: string;
  time: number;
  timeNano: number;
}

export interface ContainerCreateResponse {
  Id: string;
  Warnings: string[] | null;
}

/** `POST /containers/{id}/wait`: the exit code once the container stops (Error when waiting failed). */
export interface ContainerWaitResponse {
  StatusCode: number;
  Error?: { Message?: string } | null;
}

/** What to wait for (Docker): `not-running` (the default), `next-exit`, `removed`. */
export type WaitCondition = 'not-running' | 'next-exit' | 'removed';
