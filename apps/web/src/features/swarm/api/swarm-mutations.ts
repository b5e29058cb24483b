// The swarm's saves as mutation options (run by the forms through useFormSubmit/FormDialog),
// each naming the queries it changes in `meta.invalidates`.
import { endpointKeys } from '@berth/api';
import type {
  DataCreateInput,
  NodeSpec,
  ServiceSpec,
  SwarmDataObject,
  SwarmNode,
  SwarmSpec,
  toSwarmInit,
  toSwarmJoin,
} from '@berth/api';
import type { UseMutationOptions } from '@tanstack/react-query';
import {
  createData,
  createService,
  initSwarm,
  joinSwarm,
  toBase64,
  unlockSwarm,
  updateData,
  updateNode,
  updateSwarm,
} from './swarm-api';
import type { DataKind } from './swarm-api';

type Options<TVariables, TData = unknown> = UseMutationOptions<TData, Error, TVariables>;

/** Unlocking, initialising or joining changes what the whole endpoint is. */
export function unlockSwarmMutation(endpointId: string): Options<string> {
  return {
    mutationFn: (key) => unlockSwarm(endpointId, key),
    meta: { invalidates: [endpointKeys.root(endpointId)] },
  };
}

export function initSwarmMutation(endpointId: string): Options<ReturnType<typeof toSwarmInit>> {
  return {
    mutationFn: (body) => initSwarm(endpointId, body),
    meta: { invalidates: [endpointKeys.root(endpointId)] },
  };
}

export function joinSwarmMutation(endpointId: string): Options<ReturnType<typeof toSwarmJoin>> {
  return {
    mutationFn: (body) => joinSwarm(endpointId, body),
    meta: { invalidates: [endpointKeys.root(endpointId)] },
  };
}

/** The swarm's spec goes back with the version it was read at (a stale one is refused). */
export function updateSwarmMutation(endpointId: string, version: number): Options<SwarmSpec> {
  return {
    mutationFn: (spec) => updateSwarm(endpointId, version, spec),
    meta: { invalidates: [endpointKeys.swarm(endpointId)] },
  };
}

/** A role change shows in the engine's info too (a manager sees the cluster). */
export function updateNodeMutation(endpointId: string, node: SwarmNode): Options<NodeSpec> {
  return {
    mutationFn: (spec) => updateNode(endpointId, node, spec),
    meta: { invalidates: [endpointKeys.swarm(endpointId), endpointKeys.info(endpointId)] },
  };
}

/** The engine wants the content base64; a picked file is read only when saving. */
export function createDataMutation(
  endpointId: string,
  kind: DataKind,
): Options<DataCreateInput, { ID: string }> {
  return {
    mutationFn: async ({ content, ...spec }) => {
      const bytes =
        typeof content === 'string'
          ? new TextEncoder().encode(content)
          : new Uint8Array(await content.arrayBuffer());
      return createData(endpointId, kind, { ...spec, Data: toBase64(bytes) });
    },
    meta: { invalidates: [endpointKeys.swarm(endpointId)] },
  };
}

export function updateDataLabelsMutation(
  endpointId: string,
  kind: DataKind,
  object: SwarmDataObject,
): Options<Record<string, string>> {
  return {
    mutationFn: (labels) => updateData(endpointId, kind, object, labels),
    meta: { invalidates: [endpointKeys.swarm(endpointId)] },
  };
}

export interface ServiceCreateInput {
  spec: ServiceSpec;
  queryRegistry: boolean;
}

export function createServiceMutation(
  endpointId: string,
): Options<ServiceCreateInput, Awaited<ReturnType<typeof createService>>> {
  return {
    mutationFn: ({ spec, queryRegistry }) => createService(endpointId, spec, queryRegistry),
    meta: { invalidates: [endpointKeys.swarm(endpointId)] },
  };
}
