import { emptyNetworkForm, networkFormSchema, toNetworkCreate } from '@berth/api';
import type { NetworkFormValues } from '@berth/api';
import {
  FormCheckboxField,
  FormDialog,
  FormPairsField,
  FormRowsField,
  FormSection,
  FormTextField,
  useZodForm,
} from '@/components/ui/form';
import { createNetworkMutation } from '../api/networks-api';

export function CreateNetworkDialog({
  endpointId,
  onClose,
  onCreated,
}: {
  endpointId: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const form = useZodForm(networkFormSchema, { defaultValues: emptyNetworkForm() });
  return (
    <FormDialog
      title="Create network"
      className="max-w-xl"
      onClose={onClose}
      form={form}
      mutation={createNetworkMutation(endpointId)}
      toVariables={toNetworkCreate}
      onSuccess={(result) => onCreated(result.Id)}
      submitLabel="Create"
      errorTitle="The engine refused the network"
    >
      <div className="grid grid-cols-2 gap-3">
        <FormTextField<NetworkFormValues> name="name" label="Name" />
        <FormTextField<NetworkFormValues> name="driver" label="Driver" list="network-drivers" />
        <datalist id="network-drivers">
          <option value="bridge" />
          <option value="macvlan" />
          <option value="ipvlan" />
          <option value="overlay" />
        </datalist>
      </div>
      <FormSection title="IPAM (empty: the engine picks a subnet)">
        <FormRowsField<NetworkFormValues, 'ipam'>
          name="ipam"
          blank={() => ({ subnet: '', gateway: '', ipRange: '' })}
          addLabel="Add subnet"
          noun="subnet"
          renderRow={(index, path) => (
            <>
              <FormTextField<NetworkFormValues>
                name={`${path}.subnet`}
                label={`Subnet ${index + 1}`}
                placeholder="172.30.0.0/16"
              />
              <FormTextField<NetworkFormValues>
                name={`${path}.gateway`}
                label={`Gateway ${index + 1}`}
              />
              <FormTextField<NetworkFormValues>
                name={`${path}.ipRange`}
                label={`IP range ${index + 1}`}
              />
            </>
          )}
        />
      </FormSection>
      <div className="flex flex-wrap gap-x-5">
        <FormCheckboxField<NetworkFormValues>
          name="internal"
          label="Internal (no outside access)"
        />
        <FormCheckboxField<NetworkFormValues> name="attachable" label="Attachable" />
        <FormCheckboxField<NetworkFormValues> name="ipv6" label="IPv6" />
      </div>
      <FormPairsField<NetworkFormValues> name="labels" noun="Label" />
      <FormPairsField<NetworkFormValues> name="options" noun="Option" />
    </FormDialog>
  );
}
