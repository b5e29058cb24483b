import { useQuery } from '@tanstack/react-query';
import { InlineAlert } from '@/components/ui/inline-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { infoQueryOptions } from '@/lib/queries';
import { PageHeader } from '@/components/ui/page-header';
import { LeaveSwarmButton } from '../components/leave-swarm-button';
import { QueryFallback } from '../components/swarm-bits';
import { InitJoinScreen } from '../components/swarm-setup';
import { SwarmOverview } from '../components/swarm-overview';
import { UnlockScreen } from '../components/unlock-screen';

/** One page for every state this engine's swarm can be in: none, locked, worker or manager. */
export function SwarmRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Swarm');
  const info = useQuery(infoQueryOptions(endpointId));
  const state = info.data?.Swarm?.LocalNodeState;
  if (!info.isSuccess)
    return (
      <QueryFallback
        query={info}
        rows={4}
        loading="Loading the swarm state"
        failed="Could not read the engine's swarm state"
      />
    );
  if (state === 'locked') return <UnlockScreen endpointId={endpointId} />;
  if (state !== 'active' && state !== 'pending') return <InitJoinScreen endpointId={endpointId} />;
  if (!info.data.Swarm?.ControlAvailable)
    return (
      <div className="p-6">
        <PageHeader title="Swarm" />
        <div className="flex flex-col gap-3 p-6">
          <InlineAlert tone="info" title="This node is a worker">
            Node {info.data.Swarm?.NodeID} takes part in a swarm as a worker. Nodes, services,
            secrets and configs are managed from a manager node.
          </InlineAlert>
          <LeaveSwarmButton endpointId={endpointId} lastManager={false} />
        </div>
      </div>
    );
  return <SwarmOverview endpointId={endpointId} />;
}
