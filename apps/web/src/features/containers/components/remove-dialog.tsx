import { containerRemoveSchema } from '@berth/api';
import type { ContainerRemoveValues, RemoveContainerOptions } from '@berth/api';
import { Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Form, FormCheckboxField, useZodForm } from '@/components/ui/form';

export function RemoveDialog({
  open,
  names,
  anyRunning,
  busy,
  onClose,
  onConfirm,
}: {
  open: boolean;
  names: string[];
  /** Suggests Force: the engine refuses to remove a running container without it. */
  anyRunning: boolean;
  busy?: boolean;
  onClose: () => void;
  onConfirm: (options: RemoveContainerOptions) => void;
}) {
  const count = names.length;
  const title = count === 1 ? `Remove ${names[0]}?` : `Remove ${count} containers?`;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      role="alertdialog"
      busy={busy}
      description={
        count === 1
          ? 'The container and its writable layer are deleted. This cannot be undone.'
          : 'These containers and their writable layers are deleted. This cannot be undone.'
      }
    >
      <RemoveForm
        names={names}
        anyRunning={anyRunning}
        busy={busy}
        onClose={onClose}
        onConfirm={onConfirm}
      />
    </Dialog>
  );
}

function RemoveForm({
  names,
  anyRunning,
  busy,
  onClose,
  onConfirm,
}: {
  names: string[];
  anyRunning: boolean;
  busy?: boolean;
  onClose: () => void;
  onConfirm: (options: RemoveContainerOptions) => void;
}) {
  const form = useZodForm(containerRemoveSchema, {
    defaultValues: { volumes: false, force: false },
  });
  return (
    <Form
      form={form}
      className="gap-0"
      onSubmit={(event) => void form.handleSubmit((values) => onConfirm(values))(event)}
    >
      {names.length > 1 && (
        <ul className="mb-3 max-h-36 overflow-auto rounded-md border border-line bg-subtle px-3 py-2 font-mono text-[12px] text-muted">
          {names.map((name) => (
            <li key={name} className="truncate">
              {name}
            </li>
          ))}
        </ul>
      )}
      <FormCheckboxField<ContainerRemoveValues>
        name="volumes"
        label="Also remove anonymous volumes"
        hint="Named volumes are kept."
      />
      <FormCheckboxField<ContainerRemoveValues>
        name="force"
        label="Force (stop running containers)"
        hint={anyRunning ? 'Needed for containers that are running now.' : undefined}
      />
      <div className="flex justify-end gap-2 pt-5 pb-0">
        <Button onClick={onClose} disabled={busy} data-autofocus>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="danger"
          loading={busy}
          icon={<Trash2 className="size-3.5" />}
        >
          Remove
        </Button>
      </div>
    </Form>
  );
}
