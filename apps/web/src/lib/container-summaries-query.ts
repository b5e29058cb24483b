import { endpointKeys } from '@berth/api';
import type { ContainerSummary, ModelContainer, Port } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine } from './api-client';
import type { ListSource } from './list-source';
import { useModelList } from './model-lists';

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

const summaries = (rows: readonly ModelContainer[]) => rows.map(summaryFromRow);
const listed = (answer: ContainerSummary[]) => answer;

/** The containers with their networks and volumes: from the live model, else the engine. */
export function useContainerSummaries(endpointId: string): ListSource<ContainerSummary[]> {
  return useModelList(
    endpointId,
    'containers',
    containerSummariesQueryOptions(endpointId),
    summaries,
    listed,
  );
}
