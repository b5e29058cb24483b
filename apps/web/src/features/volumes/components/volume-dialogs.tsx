import { endpointKeys, formatBytes } from '@berth/api';
import type { Volume } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { JsonView } from '@/components/ui/json-view';
import {
  createVolume,
  pruneVolumes,
  removeVolume,
  toVolumeCreate,
  validateVolumeForm,
} from '../api/volumes-api';
import type { VolumeForm } from '../api/volumes-api';

type Pair = { key: string; value: string };

function PairsEditor({
  noun,
  rows,
  onChange,
}: {
  noun: string;
  rows: Pair[];
  onChange: (rows: Pair[]) => void;
}) {
  return (
    <div className="flex flex-col gap-2">
      {rows.map((row, i) => (
        <div key={i} className="flex items-end gap-2">
          <TextField
            label={`${noun} ${i + 1} key`}
            value={row.key}
            onChange={(e) =>
              onChange(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))
            }
          />
          <TextField
            label={`${noun} ${i + 1} value`}
            value={row.value}
            onChange={(e) =>
              onChange(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))
            }
          />
          <IconButton
            aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}
            size="sm"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            <Trash2 className="size-3.5" />
          </IconButton>
        </div>
      ))}
      <div>
        <Button
          size="sm"
          icon={<Plus className="size-3.5" aria-hidden />}
          onClick={() => onChange([...rows, { key: '', value: '' }])}
        >
          Add {noun.toLowerCase()}
        </Button>
      </div>
    </div>
  );
}

export function CreateVolumeDialog({
  endpointId,
  onClose,
}: {
  endpointId: string;
  onClose: () => void;
}) {
  const [form, setForm] = useState<VolumeForm>({
    name: '',
    driver: 'local',
    options: [],
    labels: [],
  });
  const [submitted, setSubmitted] = useState(false);
  const errors = validateVolumeForm(form);
  const mutation = useMutation({
    mutationFn: () => createVolume(endpointId, toVolumeCreate(form)),
    meta: {
      toastOnError: false,
      invalidates: [endpointKeys.volumes(endpointId), endpointKeys.diskUsage(endpointId)],
    },
    onSuccess: onClose,
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
      title="Create volume"
      className="max-w-lg"
      busy={mutation.isPending}
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 pb-4">
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Name"
            hint="Empty: the engine makes one up."
            value={form.name}
            error={submitted ? errors.name : null}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
          <TextField
            label="Driver"
            value={form.driver}
            onChange={(e) => setForm({ ...form, driver: e.target.value })}
          />
        </div>
        <PairsEditor
          noun="Driver option"
          rows={form.options}
          onChange={(options) => setForm({ ...form, options })}
        />
        <PairsEditor
          noun="Label"
          rows={form.labels}
          onChange={(labels) => setForm({ ...form, labels })}
        />
        {mutation.isError && (
          <InlineAlert title="The engine refused the volume">{mutation.error.message}</InlineAlert>
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

export function InspectVolumeDialog({
  volume,
  usedBy,
  onClose,
}: {
  volume: Volume;
  usedBy: string[];
  onClose: () => void;
}) {
  return (
    <Dialog open onClose={onClose} title={`Volume ${volume.Name}`} className="max-w-2xl">
      <div className="flex flex-col gap-3 pb-2">
        <p className="text-[13px] text-muted">
          {usedBy.length ? (
            <>
              Mounted by <span className="font-mono text-fg">{usedBy.join(', ')}</span>
            </>
          ) : (
            'No container mounts this volume.'
          )}
        </p>
        <JsonView text={JSON.stringify(volume, null, 2)} label="Volume inspect" />
      </div>
    </Dialog>
  );
}

export function RemoveVolumeDialog({
  endpointId,
  name,
  usedBy,
  onClose,
}: {
  endpointId: string;
  name: string;
  usedBy: string[];
  onClose: () => void;
}) {
  const [force, setForce] = useState(false);
  const mutation = useMutation({
    mutationFn: () => removeVolume(endpointId, name, force),
    meta: {
      toastOnError: false,
      invalidates: [endpointKeys.volumes(endpointId), endpointKeys.diskUsage(endpointId)],
    },
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      role="alertdialog"
      onClose={onClose}
      title={`Remove ${name}?`}
      description="Its data is deleted; this cannot be undone."
      busy={mutation.isPending}
      footer={
        <>
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button variant="danger" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            Remove
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-2">
        {usedBy.length > 0 && (
          <InlineAlert tone="warning" title="In use">
            Mounted by {usedBy.join(', ')}: the engine refuses until they are removed.
          </InlineAlert>
        )}
        <CheckboxField
          label="Force"
          hint="Remove even if the driver reports an error."
          checked={force}
          onChange={(e) => setForce(e.target.checked)}
        />
        {mutation.isError && (
          <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
        )}
      </div>
    </Dialog>
  );
}

export function PruneVolumesDialog({
  endpointId,
  preview,
  sparesNamed,
  onClose,
}: {
  endpointId: string;
  preview: (all: boolean) => string[];
  /** Whether this engine's prune keeps named volumes unless told (API 1.42+). */
  sparesNamed: boolean;
  onClose: () => void;
}) {
  const [all, setAll] = useState(false);
  const mutation = useMutation({
    mutationFn: () => pruneVolumes(endpointId, sparesNamed && all),
    meta: {
      toastOnError: false,
      invalidates: [endpointKeys.volumes(endpointId), endpointKeys.diskUsage(endpointId)],
    },
  });
  const names = preview(all);
  const deleted = mutation.data?.VolumesDeleted ?? [];
  return (
    <Dialog
      open
      role="alertdialog"
      onClose={onClose}
      title="Prune unused volumes?"
      busy={mutation.isPending}
      footer={
        mutation.isSuccess ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={mutation.isPending}
              disabled={names.length === 0}
              onClick={() => mutation.mutate()}
            >
              Prune
            </Button>
          </>
        )
      }
    >
      {mutation.isSuccess ? (
        <div role="status" className="text-[13px]">
          <p className="text-fg">
            Removed {deleted.length} volume{deleted.length === 1 ? '' : 's'},{' '}
            {formatBytes(mutation.data.SpaceReclaimed)} reclaimed.
          </p>
          <ul
            aria-label="Removed volumes"
            className="mt-2 list-disc pl-5 font-mono text-[12.5px] text-muted"
          >
            {deleted.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="flex flex-col gap-2 text-[13px]">
          {sparesNamed && (
            <CheckboxField
              label="Named volumes too"
              hint="Without this the engine removes only anonymous volumes."
              checked={all}
              onChange={(e) => setAll(e.target.checked)}
            />
          )}
          {names.length === 0 ? (
            <p className="text-muted">Nothing to prune.</p>
          ) : (
            <>
              <p className="text-muted">No container mounts these; they would be removed:</p>
              <ul
                aria-label="Volumes to prune"
                className="list-disc pl-5 font-mono text-[12.5px] text-fg"
              >
                {names.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {mutation.isError && (
        <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
      )}
    </Dialog>
  );
}
