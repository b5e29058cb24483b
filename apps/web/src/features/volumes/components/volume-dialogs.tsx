import { emptyVolumeForm, endpointKeys, toVolumeCreate, volumeFormSchema } from '@berth/api';
import type { VolumeFormValues } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import type { Volume } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { CheckboxField } from '@/components/ui/checkbox';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { FormDialog, FormPairsField, FormTextField, useZodForm } from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { PruneDialog } from '@/components/ui/prune-dialog';
import { InspectJson } from '@/components/ui/inspect-json';
import {
  createVolumeMutation,
  pruneVolumes,
  removeVolume,
  volumeInspectQueryOptions,
} from '../api/volumes-api';

export function CreateVolumeDialog({
  endpointId,
  onClose,
}: {
  endpointId: string;
  onClose: () => void;
}) {
  const form = useZodForm(volumeFormSchema, { defaultValues: emptyVolumeForm() });
  return (
    <FormDialog
      title="Create volume"
      className="max-w-lg"
      onClose={onClose}
      form={form}
      mutation={createVolumeMutation(endpointId)}
      toVariables={toVolumeCreate}
      submitLabel="Create"
      errorTitle="The engine refused the volume"
    >
      <div className="grid grid-cols-2 gap-3">
        <FormTextField<VolumeFormValues>
          name="name"
          label="Name"
          hint="Empty: the engine makes one up."
        />
        <FormTextField<VolumeFormValues> name="driver" label="Driver" />
      </div>
      <FormPairsField<VolumeFormValues> name="options" noun="Driver option" />
      <FormPairsField<VolumeFormValues> name="labels" noun="Label" />
    </FormDialog>
  );
}

export function InspectVolumeDialog({
  endpointId,
  volume,
  usedBy,
  onClose,
}: {
  endpointId: string;
  volume: Volume;
  usedBy: string[];
  onClose: () => void;
}) {
  const inspect = useQuery(volumeInspectQueryOptions(endpointId, volume.Name));
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
        <InspectJson query={inspect} label="Volume inspect" />
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
  return (
    <ConfirmDialog
      title={`Remove ${name}?`}
      description="Its data is deleted; this cannot be undone."
      confirm="Remove"
      action={() => removeVolume(endpointId, name, force)}
      invalidates={[endpointKeys.volumes(endpointId), endpointKeys.diskUsage(endpointId)]}
      errorTitle="The engine refused"
      onClose={onClose}
    >
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
    </ConfirmDialog>
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
  return (
    <PruneDialog
      noun="volume"
      preview={preview(all)}
      previewText="No container mounts these; they would be removed:"
      emptyText="Nothing to prune."
      options={
        sparesNamed && (
          <CheckboxField
            label="Named volumes too"
            hint="Without this the engine removes only anonymous volumes."
            checked={all}
            onChange={(e) => setAll(e.target.checked)}
          />
        )
      }
      mutation={mutation}
      deleted={mutation.data?.VolumesDeleted ?? []}
      reclaimedBytes={mutation.data?.SpaceReclaimed}
      onClose={onClose}
    />
  );
}
