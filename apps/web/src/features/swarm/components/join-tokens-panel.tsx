import { endpointKeys } from '@berth/api';
import type { SwarmInspect } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { RefreshCw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Panel } from '@/components/ui/panel';
import { updateSwarm } from '../api/swarm-api';

/** The worker and manager join tokens, each copyable and rotatable (the swarm's admins only). */
export function JoinTokensPanel({
  endpointId,
  swarm,
}: {
  endpointId: string;
  swarm: SwarmInspect;
}) {
  const rotate = useMutation({
    mutationFn: (which: 'worker' | 'manager') =>
      updateSwarm(endpointId, swarm.Version.Index, swarm.Spec, { [which]: true }),
    meta: {
      errorTitle: 'Could not rotate the token',
      invalidates: [endpointKeys.swarm(endpointId)],
    },
  });
  return (
    <Panel title="Join tokens" className="lg:col-span-2" bodyClassName="flex flex-col gap-3 p-4">
      <p className="text-[12.5px] text-muted">
        Another engine joins with <code>docker swarm join --token …</code> or Berth's Join screen.
        Rotate a token when it may have leaked: nodes already in the swarm are not affected.
      </p>
      {(['worker', 'manager'] as const).map((which) => {
        const token = which === 'worker' ? swarm.JoinTokens.Worker : swarm.JoinTokens.Manager;
        return (
          <div key={which} className="flex items-center gap-2">
            <span className="w-20 text-[12.5px] text-muted capitalize">{which}</span>
            <code
              aria-label={`${which} join token`}
              className="min-w-0 flex-1 truncate rounded bg-subtle px-2 py-1 font-mono text-[12px] text-fg"
            >
              {token}
            </code>
            <CopyButton text={token} label={`Copy the ${which} token`} />
            <Button
              size="sm"
              icon={<RefreshCw className="size-3.5" aria-hidden />}
              loading={rotate.isPending && rotate.variables === which}
              onClick={() => rotate.mutate(which)}
            >
              Rotate
            </Button>
          </div>
        );
      })}
    </Panel>
  );
}
