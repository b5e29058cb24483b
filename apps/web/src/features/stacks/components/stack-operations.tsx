import { endpointKeys } from '@berth/api';
import type { StackDetail } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Pencil, Play, RefreshCw, RotateCw, ScrollText, Square, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { operateStack, removeStack } from '../api/stacks-api';
import type { StackOperation } from '../api/stacks-api';
import type { useDeploy } from '../api/use-deploy';

/** Start, stop, restart, pull and redeploy, edit, logs and remove: what an operator does. */
export function StackOperations({
  endpointId,
  stack,
  deploy,
}: {
  endpointId: string;
  stack: StackDetail;
  deploy: ReturnType<typeof useDeploy>;
}) {
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState<'stop' | 'remove' | null>(null);
  const [volumes, setVolumes] = useState(false);
  const [forget, setForget] = useState(false);
  const invalidates = [endpointKeys.stacks(endpointId), endpointKeys.containers(endpointId)];
  const operate = useMutation({
    mutationFn: (operation: StackOperation) => operateStack(endpointId, stack.name, operation),
    meta: { invalidates },
  });
  const busy = operate.isPending || deploy.state.phase === 'running';
  const berth = stack.managedBy === 'berth';
  // Swarm has no start, stop or pull of a stack: its services are redeployed or scaled.
  const compose = stack.kind === 'compose';
  const ids = stack.containerList.map((c) => c.id).join(',');

  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        {compose && stack.containers > 0 && (
          <Link
            to="/endpoints/$endpointId/logs"
            params={{ endpointId }}
            search={{ containers: ids }}
            className={buttonClasses('secondary', 'sm')}
          >
            <ScrollText className="size-3.5" aria-hidden />
            Logs
          </Link>
        )}
        {compose && (
          <>
            <Button
              size="sm"
              icon={<Play className="size-3.5" aria-hidden />}
              disabled={busy || stack.containers === 0 || stack.running === stack.containers}
              onClick={() => operate.mutate('start')}
            >
              Start
            </Button>
            <Button
              size="sm"
              icon={<Square className="size-3.5" aria-hidden />}
              disabled={busy || stack.running === 0}
              onClick={() => setConfirm('stop')}
            >
              Stop
            </Button>
            <Button
              size="sm"
              icon={<RotateCw className="size-3.5" aria-hidden />}
              disabled={busy || stack.containers === 0}
              onClick={() => operate.mutate('restart')}
            >
              Restart
            </Button>
            {berth && (
              <Button
                size="sm"
                icon={<RefreshCw className="size-3.5" aria-hidden />}
                disabled={busy}
                title="Pull every image again and recreate what got a new one"
                onClick={() =>
                  void deploy.start({
                    method: 'POST',
                    path: `/${encodeURIComponent(stack.name)}/pull`,
                  })
                }
              >
                Pull and redeploy
              </Button>
            )}
          </>
        )}
        <Button
          size="sm"
          icon={<Pencil className="size-3.5" aria-hidden />}
          disabled={busy}
          onClick={() =>
            void navigate({
              to: '/endpoints/$endpointId/stacks/$stackName/edit',
              params: { endpointId, stackName: stack.name },
            })
          }
        >
          {berth ? 'Edit' : 'Adopt'}
        </Button>
        <Button
          size="sm"
          variant="danger"
          icon={<Trash2 className="size-3.5" aria-hidden />}
          disabled={busy}
          onClick={() => setConfirm('remove')}
        >
          Remove
        </Button>
      </div>
      {confirm === 'stop' && (
        <ConfirmDialog
          title={`Stop stack ${stack.name}?`}
          description={`Stops all ${stack.running} running containers; nothing is removed.`}
          confirm="Stop"
          action={() => operateStack(endpointId, stack.name, 'stop')}
          invalidates={invalidates}
          onClose={() => setConfirm(null)}
        />
      )}
      {confirm === 'remove' && (
        <ConfirmDialog
          title={`Remove stack ${stack.name}?`}
          description={
            compose
              ? 'Removes its containers and networks (docker compose down).'
              : 'Removes its swarm services, networks, secrets and configs (docker stack rm); volumes stay on the nodes.'
          }
          confirm="Remove"
          action={() => removeStack(endpointId, stack.name, { volumes, forget: forget || !berth })}
          invalidates={invalidates}
          onClose={() => setConfirm(null)}
          onDone={() =>
            void navigate({ to: '/endpoints/$endpointId/stacks', params: { endpointId } })
          }
        >
          <div className="flex flex-col gap-2">
            {compose && (
              <CheckboxField
                label="Also remove its named volumes"
                hint="Their data is lost."
                checked={volumes}
                onChange={(event) => setVolumes(event.target.checked)}
              />
            )}
            {berth && (
              <CheckboxField
                label="Also delete the stored file and its history"
                hint="Otherwise the stack stays listed as down and can be deployed again."
                checked={forget}
                onChange={(event) => setForget(event.target.checked)}
              />
            )}
          </div>
        </ConfirmDialog>
      )}
    </>
  );
}
