// Engine answers for images, builds, registries and system housekeeping (Engine API v1.41+).
import type { ImageSummary } from './types';

export interface ImageInspect {
  Id: string;
  RepoTags: string[] | null;
  RepoDigests: string[] | null;
  Parent?: string;
  Comment?: string;
  Created: string;
  DockerVersion?: string;
  Author?: string;
  Architecture: string;
  Variant?: string;
  Os: string;
  Size: number;
  Config?: {
    User?: string;
    Env?: string[] | null;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    WorkingDir?: string;
    ExposedPorts?: Record<string, object> | null;
    Volumes?: Record<string, object> | null;
    Labels?: Record<string, string> | null;
  };
  RootFS?: { Type: string; Layers?: string[] };
}

export interface ImageHistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

/** One line of `DELETE /images/{name}`'s answer. */
export interface ImageDeleteItem {
  Untagged?: string;
  Deleted?: string;
}

export interface ImagePruneResponse {
  ImagesDeleted: ImageDeleteItem[] | null;
  SpaceReclaimed: number;
}

export interface PruneResponse {
  /** Containers, networks and volumes prunes name their list after the kind. */
  ContainersDeleted?: string[] | null;
  NetworksDeleted?: string[] | null;
  VolumesDeleted?: string[] | null;
  CachesDeleted?: string[] | null;
  ImagesDeleted?: ImageDeleteItem[] | null;
  SpaceReclaimed?: number;
}

export interface ImageSearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  is_automated?: boolean;
}

/** One JSON line of a pull, push, load or build stream. */
export interface ProgressMessage {
  id?: string;
  status?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: { ID?: string; Tag?: string; Digest?: string; Size?: number };
}

export interface DiskUsageContainer {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  State: string;
  SizeRw?: number;
  SizeRootFs?: number;
}

export interface DiskUsageVolume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  UsageData?: { Size: number; RefCount: number } | null;
}

export interface BuildCacheRecord {
  ID: string;
  Type: string;
  Description?: string;
  InUse: boolean;
  Shared: boolean;
  Size: number;
  LastUsedAt?: string | null;
}

/** `GET /system/df`. */
export interface DiskUsage {
  LayersSize?: number;
  Images: ImageSummary[] | null;
  Containers: DiskUsageContainer[] | null;
  Volumes: DiskUsageVolume[] | null;
  BuildCache: BuildCacheRecord[] | null;
}

/** A saved registry as the gateway lists it: the password never leaves the gateway. */
export interface RegistrySummary {
  id: number;
  name: string;
  server: string;
  username: string;
  /** Viewers' reads (registry inspect, search) may use these credentials. */
  viewers: boolean;
  createdAt: number;
}

export interface RegistryInput {
  name: string;
  server: string;
  username: string;
  password: string;
  viewers?: boolean;
}
