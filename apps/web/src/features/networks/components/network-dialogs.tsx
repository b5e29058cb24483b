import {
  containerName,
  emptyNetworkConnectForm,
  endpointKeys,
  networkConnectFormSchema,
  toNetworkConnect,
} from '@berth/api';
import type { NetworkConnectFormValues } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormDialog, FormSelectField, FormTextField, useZodForm } from '@/components/ui/form';
import { PruneDialog } from '@/components/ui/prune-dialog';
import { useContainerSummaries } from '@/lib/container-summaries-query';
import { connectContainerMutation, pruneNetworks, removeNetwork } from '../api/networks-api';

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
  const form = useZodForm(networkConnectFormSchema, { defaultValues: emptyNetworkConnectForm() });
  const choices = (containers.data ?? []).filter((c) => !connected.has(c.Id));
  return (
    <FormDialog
      title={`Connect a container to ${networkName}`}
      onClose={onClose}
      form={form}
      mutation={connectContainerMutation(endpointId, networkId)}
      toVariables={toNetworkConnect}
      submitLabel="Connect"
      errorTitle="The engine refused"
    >
      <FormSelectField<NetworkConnectFormValues> name="container" label="Container">
        <option value="">Choose a container…</option>
        {choices.map((c) => (
          <option key={c.Id} value={c.Id}>
            {containerName(c.Names, c.Id)} ({c.State})
          </option>
        ))}
      </FormSelectField>
      <FormTextField<NetworkConnectFormValues>
        name="aliases"
        label="Aliases"
        hint="Comma or space separated."
      />
      <div className="grid grid-cols-2 gap-3">
        <FormTextField<NetworkConnectFormValues> name="ipv4" label="IPv4 address" />
        <FormTextField<NetworkConnectFormValues> name="ipv6" label="IPv6 address" />
      </div>
    </FormDialog>
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
