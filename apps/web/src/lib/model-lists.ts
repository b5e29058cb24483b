// The images, networks and volumes lists, painted from the gateway's live engine model (#15):
// events patch the model in the gateway and arrive as deltas, so no event refetches a list. The
// rows come back in the engine's list shapes, so pages and their columns read one type whichever
// source answered; while the model cannot answer (no socket, engine down) the list query does.
import type {
  ImageSummary,
  ModelImage,
  ModelKind,
  ModelNetwork,
  ModelRows,
  ModelVolume,
  Network,
  Volume,
} from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fromModel, fromQuery, type ListSource } from './list-source';
import { imagesQueryOptions, networksQueryOptions, volumesQueryOptions } from './queries';
import { useModelRows } from './live/use-model-rows';

/**
 * One model kind as a list: the model's rows when it has them, else the engine's list. A swarm
 * kind (`swarm`) is the model's only once the model knows the engine as a swarm manager: until
 * then (a swarm just made, an engine that is none) the engine answers, or says why not.
 */
export function useModelList<K extends ModelKind, T, Q, Key extends QueryKey>(
  endpointId: string,
  kind: K,
  fallback: UseQueryOptions<Q, Error, Q, Key>,
  fromRows: (rows: readonly ModelRows[K][]) => T[],
  fromAnswer: (answer: Q) => T[],
  options: { swarm?: boolean } = {},
): ListSource<T[]> {
  const model = useModelRows(endpointId, kind);
  const modelAnswers = model.rows !== undefined && (!options.swarm || model.live.model.swarm);
  const useEngine = model.fallback || (model.rows !== undefined && !modelAnswers);
  const query = useQuery({ ...fallback, enabled: useEngine });
  const rows = modelAnswers ? model.rows : undefined;
  const data = useMemo(() => (rows ? fromRows(rows) : undefined), [rows, fromRows]);
  const answer = query.data;
  const listed = useMemo(
    () => (answer === undefined ? undefined : fromAnswer(answer)),
    [answer, fromAnswer],
  );
  const refresh = () => model.live.model.refresh();
  if (data) return fromModel(data, refresh);
  if (useEngine || answer !== undefined)
    return fromQuery({
      data: listed,
      isPending: query.isPending,
      isFetching: query.isFetching,
      error: query.error,
      refetch: query.refetch,
    });
  return fromModel<T[]>(undefined, refresh);
}

/**
 * A model image as `GET /images/json` lists it. `Containers` is left unknown (-1, as the engine
 * says when not asked): the images page counts users from the containers model or /system/df.
 */
export function imageFromRow(row: ModelImage): ImageSummary {
  return {
    Id: row.id,
    ParentId: '',
    RepoTags: row.tags,
    RepoDigests: row.digests,
    Created: row.created,
    Size: row.size,
    SharedSize: -1,
    Labels: row.labels,
    Containers: -1,
  };
}

export function networkFromRow(row: ModelNetwork): Network {
  return {
    Id: row.id,
    Name: row.name,
    Created: row.created,
    Scope: row.scope,
    Driver: row.driver,
    EnableIPv6: row.ipv6,
    Internal: row.internal,
    Attachable: row.attachable,
    IPAM: { Driver: '', Config: row.subnets.map((subnet) => ({ Subnet: subnet })) },
    Labels: row.labels,
  };
}

export function volumeFromRow(row: ModelVolume): Volume {
  return {
    Name: row.id,
    Driver: row.driver,
    Mountpoint: row.mountpoint,
    CreatedAt: row.created || undefined,
    Scope: row.scope === 'global' ? 'global' : 'local',
    Labels: row.labels,
    Options: null,
  };
}

const images = (rows: readonly ModelImage[]) => rows.map(imageFromRow);
const networks = (rows: readonly ModelNetwork[]) => rows.map(networkFromRow);
const volumes = (rows: readonly ModelVolume[]) => rows.map(volumeFromRow);
const same = <T>(list: T[]) => list;
const volumeList = (answer: { Volumes: Volume[] | null }) => answer.Volumes ?? [];

export function useImageList(endpointId: string): ListSource<ImageSummary[]> {
  return useModelList(endpointId, 'images', imagesQueryOptions(endpointId), images, same);
}

export function useNetworkList(endpointId: string): ListSource<Network[]> {
  return useModelList(endpointId, 'networks', networksQueryOptions(endpointId), networks, same);
}

export function useVolumeList(endpointId: string): ListSource<Volume[]> {
  return useModelList(endpointId, 'volumes', volumesQueryOptions(endpointId), volumes, volumeList);
}
