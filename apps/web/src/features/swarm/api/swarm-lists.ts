// The services and nodes lists, painted from the gateway's live engine model (#15): a scale, an
// update or a node's change arrives as a delta of one row, so no event refetches a whole list.
// Rows come back in the engine's names (as the task list's do), so the columns read one shape
// whichever source answered; what a list does not show (the whole spec, the object's version)
// is read by the action that needs it, from the object's own inspect.
import type { ModelNode, ModelService, NodeSpec, PortConfig, SwarmNode } from '@berth/api';
import type { SwarmService } from '@berth/api';
import type { ListSource } from '@/lib/list-source';
import { useModelList } from '@/lib/model-lists';
import { nodesQueryOptions, servicesQueryOptions } from './swarm-api';

/** How a service runs; jobs exist since API 1.41. */
export interface ServiceModeSpec {
  Replicated?: { Replicas?: number };
  Global?: object;
  ReplicatedJob?: object;
  GlobalJob?: object;
}

/** What the services list (and the secrets and configs pages' "Used by") read of a service. */
export interface ServiceListItem {
  ID: string;
  UpdatedAt: string;
  Spec: {
    Name: string;
    Labels?: Record<string, string>;
    Mode?: ServiceModeSpec;
    TaskTemplate: {
      ContainerSpec?: {
        Image: string;
        Secrets?: ReadonlyArray<{ SecretID: string }>;
        Configs?: ReadonlyArray<{ ConfigID: string }>;
      };
    };
  };
  Endpoint?: { Ports?: PortConfig[] };
  UpdateStatus?: { State?: string };
}

/** What the nodes list, the cluster board and the task tables read of a node. */
export interface NodeListItem {
  ID: string;
  Spec: Pick<NodeSpec, 'Role' | 'Availability' | 'Labels'>;
  Description: {
    Hostname: string;
    Resources?: { NanoCPUs?: number; MemoryBytes?: number };
    Engine?: { EngineVersion?: string };
  };
  Status: { State: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string } | null;
}

function modeSpec(row: ModelService): ServiceModeSpec {
  switch (row.mode) {
    case 'global':
      return { Global: {} };
    case 'global-job':
      return { GlobalJob: {} };
    case 'replicated-job':
      return { ReplicatedJob: {} };
    default:
      return { Replicated: { Replicas: row.replicas ?? 1 } };
  }
}

export function serviceFromRow(row: ModelService): ServiceListItem {
  return {
    ID: row.id,
    UpdatedAt: row.updatedAt,
    Spec: {
      Name: row.name,
      Labels: row.labels,
      Mode: modeSpec(row),
      TaskTemplate: {
        ContainerSpec: {
          Image: row.image,
          Secrets: row.secrets.map((id) => ({ SecretID: id })),
          Configs: row.configs.map((id) => ({ ConfigID: id })),
        },
      },
    },
    Endpoint: {
      Ports: row.ports.map((port) => ({
        TargetPort: port.containerPort,
        ...(port.hostPort === null ? {} : { PublishedPort: port.hostPort }),
        Protocol: port.protocol as PortConfig['Protocol'],
      })),
    },
    ...(row.updateState ? { UpdateStatus: { State: row.updateState } } : {}),
  };
}

export function nodeFromRow(row: ModelNode): NodeListItem {
  return {
    ID: row.id,
    Spec: {
      Role: row.role as NodeSpec['Role'],
      Availability: row.availability as NodeSpec['Availability'],
      Labels: row.labels,
    },
    Description: {
      Hostname: row.hostname,
      Resources: { NanoCPUs: row.nanoCpus, MemoryBytes: row.memoryBytes },
      Engine: { EngineVersion: row.engineVersion },
    },
    Status: { State: row.state, Addr: row.addr },
    // Workers have no manager status: the engine leaves it out, and so does the row.
    ManagerStatus:
      row.role === 'manager' || row.reachability
        ? { Leader: row.leader, Reachability: row.reachability || undefined }
        : null,
  };
}

/** The mode as the list says it. */
export function serviceModeName(service: Pick<ServiceListItem, 'Spec'>): string {
  const mode = service.Spec.Mode;
  if (mode?.Global) return 'global';
  if (mode?.GlobalJob) return 'global job';
  if (mode?.ReplicatedJob) return 'replicated job';
  return 'replicated';
}

const services = (rows: readonly ModelService[]) => rows.map(serviceFromRow);
const nodes = (rows: readonly ModelNode[]) => rows.map(nodeFromRow);
const listedServices = (answer: SwarmService[]): ServiceListItem[] => answer;
const listedNodes = (answer: SwarmNode[]): NodeListItem[] => answer;

/** The swarm's services: from the live model once it knows the engine as a manager. */
export function useServiceList(endpointId: string): ListSource<ServiceListItem[]> {
  return useModelList(
    endpointId,
    'services',
    servicesQueryOptions(endpointId),
    services,
    listedServices,
    { swarm: true },
  );
}

/** The swarm's nodes: from the live model once it knows the engine as a manager. */
export function useNodeList(endpointId: string): ListSource<NodeListItem[]> {
  return useModelList(endpointId, 'nodes', nodesQueryOptions(endpointId), nodes, listedNodes, {
    swarm: true,
  });
}
