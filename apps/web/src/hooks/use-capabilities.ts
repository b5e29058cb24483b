import { capabilitiesOf, missingCapabilityReason } from '@berth/api';
import type { Capabilities, Capability, EngineKind } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { endpointsQueryOptions, findEndpoint } from '@/lib/queries';

export interface EngineCapabilities {
  kind: EngineKind;
  /** "Docker Engine" or "PouchContainer", for notes. */
  engineName: string;
  caps: Capabilities;
  /** Whether the endpoint's engine offers it. */
  has(capability: Capability): boolean;
  /** Why it is not offered, for a tooltip in place of the control. */
  reason(capability: Capability): string;
  /** False until the endpoint list has said the kind (the answers are Docker's meanwhile). */
  known: boolean;
}

export function engineCapabilities(kind: EngineKind, known = true): EngineCapabilities {
  const caps = capabilitiesOf(kind);
  return {
    kind,
    engineName: kind === 'pouch' ? 'PouchContainer' : 'Docker Engine',
    caps,
    has: (capability) => caps[capability],
    reason: (capability) => missingCapabilityReason(kind, capability),
    known,
  };
}

/**
 * What the current endpoint's engine can do. The kind comes from the gateway's endpoint list
 * (it learns it from the engine's /version and /info), the one source every feature reads. Until
 * the list has loaded the endpoint counts as Docker, Berth's default engine.
 */
export function useCapabilities(endpointId?: string): EngineCapabilities {
  const params = useParams({ strict: false });
  const id = endpointId ?? params.endpointId;
  const { data } = useQuery(endpointsQueryOptions());
  const found = id ? findEndpoint(data, id)?.kind : undefined;
  return engineCapabilities(found || 'docker', Boolean(found));
}
