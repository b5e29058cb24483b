import { containerName, endpointKeys } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { PruneDialog } from '@/components/ui/prune-dialog';
import { Select } from '@/components/ui/input';
import { useContainerSummaries } from '@/lib/container-summaries-query';
import { connectContainer, pruneNetworks, removeNetwork } from '../api/networks-api';

export function ConnectContainerDialog({
  endpointId,
  networkId,
  networkName,
  connected,
  onClose,
}: {
  endpointId: string;
  networkId: string;
  networkName: string;
  connected: ReadonlySet<string>;
  onClose: () => void;
}) {
  const containers = useContainerSummaries(endpointId);
  const [container, setContainer] = useState('');
  const [aliases, setAliases] = useState('');
  const [ipv4, setIpv4] = useState('');
  const [ipv6, setIpv6] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      connectContainer(endpointId, networkId, container, {
        aliases: aliases.split(/[\s,]+/).filter(Boolean),
        ipv4,
        ipv6,
      }),
    meta: {
      toastOnError: false,
      invalidates: [endpointKeys.networks(endpointId), endpointKeys.containers(endpointId)],
    },
    onSuccess: onClose,
  });
  const choices = (containers.data ?? []).filter((c) => !connected.has(c.Id));
  function submit(event: FormEvent) {
    event.preventDefault();
    if (container) mutation.mutate();
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Connect a container to ${networkName}`}
      busy={mutation.isPending}
    >
      <form onSubmit={submit} className="flex flex-col gap-3 pb-4">
        <label className="flex flex-col gap-1.5 text-[12.5px] font-medium text-fg">
          Container
          <Select value={container} onChange={(e) => setContainer(e.target.value)}>
            <option value="">Choose a container…</option>
            {choices.map((c) => (
              <option key={c.Id} value={c.Id}>
                {containerName(c.Names, c.Id)} ({c.State})
              </option>
            ))}
          </Select>
        </label>
        <TextField
          label="Aliases"
          hint="Comma or space separated."
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
        />
        <div className="grid grid-cols-2 gap-3">
          <TextField label="IPv4 address" value={ipv4} onChange={(e) => setIpv4(e.target.value)} />
          <TextField label="IPv6 address" value={ipv6} onChange={(e) => setIpv6(e.target.value)} />
        </div>
        {mutation.isError && (
          <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="primary"
            disabled={!container}
            loading={mutation.isPending}
          >
            Connect
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function RemoveNetworkDialog({
  endpointId,
  network,
  onClose,
  onRemoved,
}: {
  endpointId: string;
  network: { id: string; name: string };
  onClose: () => void;
  onRemoved: () => void;
}) {
  return (
    <ConfirmDialog
      title={`Remove ${network.name}?`}
      description="Containers must be disconnected first; the engine refuses otherwise."
      confirm="Remove"
      action={() => removeNetwork(endpointId, network.id)}
      invalidates={[endpointKeys.networks(endpointId)]}
      errorTitle="The engine refused"
      onClose={onClose}
      onDone={onRemoved}
    />
  );
}

export function PruneNetworksDialog({
  endpointId,
  unused,
  onClose,
}: {
  endpointId: string;
  /** The preview: custom networks no container uses (what the engine's prune removes). */
  unused: string[];
  onClose: () => void;
}) {
  const mutation = useMutation({
    mutationFn: () => pruneNetworks(endpointId),
    meta: { toastOnError: false, invalidates: [endpointKeys.networks(endpointId)] },
  });
  return (
    <PruneDialog
      noun="network"
      preview={unused}
      previewText="These networks have no containers and would be removed:"
      emptyText="Every custom network is in use: nothing to prune."
      mutation={mutation}
      deleted={mutation.data?.NetworksDeleted ?? []}
      onClose={onClose}
    />
  );
}
