import { containerRenameSchema } from '@berth/api';
import type { ContainerRenameValues } from '@berth/api';
import { FormDialog, FormTextField, useZodForm } from '@/components/ui/form';
import { renameContainerMutation } from '../api/container-actions';

export function RenameDialog({
  open,
  onClose,
  endpointId,
  container,
}: {
  open: boolean;
  onClose: () => void;
  endpointId: string;
  container: { id: string; name: string };
}) {
  // The form lives only while the dialog is open, so it starts from the current name each time.
  if (!open) return null;
  return <RenameForm endpointId={endpointId} container={container} onClose={onClose} />;
}

function RenameForm({
  endpointId,
  container,
  onClose,
}: {
  endpointId: string;
  container: { id: string; name: string };
  onClose: () => void;
}) {
  const form = useZodForm(containerRenameSchema, { defaultValues: { name: container.name } });
  const unchanged = form.watch('name').replace(/^\//, '') === container.name;
  return (
    <FormDialog
      title={`Rename ${container.name}`}
      onClose={onClose}
      form={form}
      mutation={renameContainerMutation(endpointId, container.id)}
      toVariables={(values) => values.name}
      submitLabel="Rename"
      submitDisabled={unchanged}
      errorTitle={`Could not rename ${container.name}`}
    >
      <FormTextField<ContainerRenameValues>
        name="name"
        label="New name"
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
      />
    </FormDialog>
  );
}
