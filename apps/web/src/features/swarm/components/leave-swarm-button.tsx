import { endpointKeys } from '@berth/api';
import { LogOut } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { InlineAlert } from '@/components/ui/inline-alert';
import { leaveSwarm } from '../api/swarm-api';
import { ForceConfirmDialog } from './swarm-bits';

/** Leave, asked first; the last manager is warned that leaving destroys the swarm. */
export function LeaveSwarmButton({
  endpointId,
  lastManager,
}: {
  endpointId: string;
  lastManager: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="danger"
        icon={<LogOut className="size-3.5" aria-hidden />}
        onClick={() => setOpen(true)}
      >
        Leave swarm
      </Button>
      {open && (
        <ForceConfirmDialog
          title="Leave the swarm?"
          confirm="Leave"
          action={(force) => leaveSwarm(endpointId, force)}
          forceHint="Leave even if this breaks the cluster (needed for the last manager)."
          invalidates={[endpointKeys.root(endpointId)]}
          onClose={() => setOpen(false)}
        >
          {lastManager && (
            <InlineAlert tone="warning" title="This is the last manager">
              Leaving destroys the swarm: its services, secrets and configs are gone for good. The
              engine only allows it with force.
            </InlineAlert>
          )}
        </ForceConfirmDialog>
      )}
    </>
  );
}
