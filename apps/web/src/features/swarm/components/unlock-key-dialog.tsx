import { endpointKeys } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { InlineAlert } from '@/components/ui/inline-alert';
import { SkeletonRows } from '@/components/ui/skeleton';
import { getUnlockKey, updateSwarm, versionConflictMessage } from '../api/swarm-api';
import { ViewDialog } from './dialog-shells';
import type { SwarmDialogProps } from './swarm-settings';

/** The manager unlock key, read fresh each time (never cached: it is a secret) and rotatable. */
export function UnlockKeyDialog({ endpointId, swarm, onClose }: SwarmDialogProps) {
  const key = useQuery({
    queryKey: [...endpointKeys.swarm(endpointId), 'unlockkey'],
    queryFn: () => getUnlockKey(endpointId),
    gcTime: 0,
    staleTime: 0,
  });
  const rotate = useMutation({
    mutationFn: () => updateSwarm(endpointId, swarm.Version.Index, swarm.Spec, { unlockKey: true }),
    meta: { toastOnError: false, invalidates: [endpointKeys.swarm(endpointId)] },
  });
  const value = key.data?.UnlockKey;
  return (
    <ViewDialog
      title="Unlock key"
      description="With autolock on, a restarted manager stays locked until it is given this key."
      onClose={onClose}
    >
      {key.isPending ? (
        <SkeletonRows rows={1} label="Loading the key" />
      ) : key.isError ? (
        <InlineAlert>{key.error.message}</InlineAlert>
      ) : value ? (
        <div className="flex items-center gap-2">
          <code
            aria-label="Unlock key"
            className="min-w-0 flex-1 truncate rounded bg-subtle px-2 py-1 font-mono text-[12px]"
          >
            {value}
          </code>
          <CopyButton text={value} label="Copy the unlock key" />
          <Button size="sm" loading={rotate.isPending} onClick={() => rotate.mutate()}>
            Rotate
          </Button>
        </div>
      ) : (
        <p className="text-[13px] text-muted">
          Autolock is off: there is no unlock key. Turn it on in the swarm settings.
        </p>
      )}
      {rotate.isError && (
        <InlineAlert className="mt-2">{versionConflictMessage(rotate.error)}</InlineAlert>
      )}
    </ViewDialog>
  );
}
