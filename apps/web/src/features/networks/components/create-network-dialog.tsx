import { endpointKeys } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { PairsEditor } from '@/components/ui/pairs-editor';
import { InlineAlert } from '@/components/ui/inline-alert';
import {
  createNetwork,
  emptyNetworkForm,
  toNetworkCreate,
  validateNetworkForm,
} from '../api/networks-api';
import type { NetworkForm } from '../api/networks-api';

export function CreateNetworkDialog({
  endpointId,
  onClose,
  onCreated,
}: {
  endpointId: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [form, setForm] = useState<NetworkForm>(emptyNetworkForm);
  const [submitted, setSubmitted] = useState(false);
  const errors = validateNetworkForm(form);
  const shown = submitted ? errors : {};
  const mutation = useMutation({
    mutationFn: () => createNetwork(endpointId, toNetworkCreate(form)),
    meta: { toastOnError: false, invalidates: [endpointKeys.networks(endpointId)] },
    onSuccess: (result) => onCreated(result.Id),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length === 0) mutation.mutate();
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title="Create network"
      className="max-w-xl"
      busy={mutation.isPending}
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 pb-4">
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Name"
            value={form.name}
            error={shown.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
          <TextField
            label="Driver"
            list="network-drivers"
            value={form.driver}
            onChange={(e) => setForm({ ...form, driver: e.target.value })}
          />
          <datalist id="network-drivers">
            <option value="bridge" />
            <option value="macvlan" />
            <option value="ipvlan" />
            <option value="overlay" />
          </datalist>
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-[12.5px] font-medium text-fg">
            IPAM (empty: the engine picks a subnet)
          </legend>
          {form.ipam.map((row, i) => (
            <div key={i} className="flex items-start gap-2">
              <TextField
                label={`Subnet ${i + 1}`}
                placeholder="172.30.0.0/16"
                value={row.subnet}
                error={shown[`ipam.${i}.subnet`]}
                onChange={(e) =>
                  setForm({
                    ...form,
                    ipam: form.ipam.map((r, j) => (j === i ? { ...r, subnet: e.target.value } : r)),
                  })
                }
              />
              <TextField
                label={`Gateway ${i + 1}`}
                value={row.gateway}
                error={shown[`ipam.${i}.gateway`]}
                onChange={(e) =>
                  setForm({
                    ...form,
                    ipam: form.ipam.map((r, j) =>
                      j === i ? { ...r, gateway: e.target.value } : r,
                    ),
                  })
                }
              />
              <TextField
                label={`IP range ${i + 1}`}
                value={row.ipRange}
                error={shown[`ipam.${i}.ipRange`]}
                onChange={(e) =>
                  setForm({
                    ...form,
                    ipam: form.ipam.map((r, j) =>
                      j === i ? { ...r, ipRange: e.target.value } : r,
                    ),
                  })
                }
              />
              <IconButton
                aria-label={`Remove subnet ${i + 1}`}
                size="sm"
                className="mt-6"
                onClick={() => setForm({ ...form, ipam: form.ipam.filter((_, j) => j !== i) })}
              >
                <Trash2 className="size-3.5" />
              </IconButton>
            </div>
          ))}
          <div>
            <Button
              size="sm"
              icon={<Plus className="size-3.5" aria-hidden />}
              onClick={() =>
                setForm({ ...form, ipam: [...form.ipam, { subnet: '', gateway: '', ipRange: '' }] })
              }
            >
              Add subnet
            </Button>
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-x-5">
          <CheckboxField
            label="Internal (no outside access)"
            checked={form.internal}
            onChange={(e) => setForm({ ...form, internal: e.target.checked })}
          />
          <CheckboxField
            label="Attachable"
            checked={form.attachable}
            onChange={(e) => setForm({ ...form, attachable: e.target.checked })}
          />
          <CheckboxField
            label="IPv6"
            checked={form.ipv6}
            onChange={(e) => setForm({ ...form, ipv6: e.target.checked })}
          />
        </div>
        <PairsEditor
          noun="Label"
          rows={form.labels}
          onChange={(labels) => setForm({ ...form, labels })}
        />
        <PairsEditor
          noun="Option"
          rows={form.options}
          onChange={(options) => setForm({ ...form, options })}
        />
        {mutation.isError && (
          <InlineAlert title="The engine refused the network">{mutation.error.message}</InlineAlert>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Create
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
