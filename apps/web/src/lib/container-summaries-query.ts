import { endpointKeys } from '@berth/api';
import type { ContainerSummary, ModelContainer, Port } from '@berth/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { engine } from './api-client';
import { fromModel, fromQuery, type ListSource } from './list-source';
import { useModelRows } from './live/use-model-rows';

/**
 * Every container as the engine lists it (networks and mounts included): the networks and
 * volumes pages count and name the containers using each one. Under the containers key, so
 * container events refresh it. The fallback of `useContainerSummaries`.
 */
export function containerSummariesQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: [...endpointKeys.containers(endpointId), 'summaries'] as const,
    queryFn: ({ signal }) => engine(endpointId).listContainers({ all: true }, signal),
  });
}

/**
 * A model row in the engine's list shape, for the pages that count containers per network and
 * per volume. The model keeps network ids and volume names only: networks are keyed by id here
 * (not by name), and mounts carry no paths.
 */
export function summaryFromRow(row: ModelContainer): ContainerSummary {
  return {
    Id: row.id,
    Names: [`/${row.name}`],
    Image: row.image,
    ImageID: row.imageId,
    Command: row.command,
    Created: Math.round(row.created / 1000),
    Ports: row.ports.map((port) => ({
      IP: port.hostIp,
      PrivatePort: port.containerPort,
      ...(port.hostPort === null ? {} : { PublicPort: port.hostPort }),
      Type: port.protocol as Port['Type'],
    })),
    Labels: row.labels,
    State: row.state,
    Status: row.status,
    NetworkSettings: {
      Networks: Object.fromEntries(row.networks.map((id) => [id, { NetworkID: id }])),
    },
    Mounts: row.volumes.map((name) => ({
      Type: 'volume',
      Name: name,
      Source: '',
      Destination: '',
    })),
  };
}

/** The containers with their networks and volumes: from the live model, else the engine. */
export function useContainerSummaries(endpointId: string): ListSource<ContainerSummary[]> {
  const model = useModelRows(endpointId, 'containers');
  const query = useQuery({
    ...containerSummariesQueryOptions(endpointId),
    enabled: model.fallback,
  });
  const rows = model.rows;
  const data = useMemo(() => rows?.map(summaryFromRow), [rows]);
  const refresh = () => model.live.model.refresh();
  if (data) return fromModel(data, refresh);
  if (model.fallback || query.data) return fromQuery(query);
  return fromModel<ContainerSummary[]>(undefined, refresh);
}
