// The two shapes every swarm dialog takes (one that shows, one that saves through the form kit),
// so the Close, Cancel and Save buttons and the engine's refusal look and read the same in each.
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormDialog } from '@/components/ui/form';
import type { FormDialogProps } from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { versionConflictMessage } from '../api/swarm-api';

/** The engine's refusal of a call; a stale version is said as "changed meanwhile, reload". */
export function RefusalAlert({ error, className }: { error: Error | null; className?: string }) {
  if (!error) return null;
  return (
    <InlineAlert title="The engine refused" className={className}>
      {versionConflictMessage(error)}
    </InlineAlert>
  );
}

/** Cancel and the one save action; Cancel is locked while the save runs. */
export function SaveButtons({
  label,
  pending,
  onCancel,
  onSave,
}: {
  label: ReactNode;
  pending: boolean;
  onCancel: () => void;
  /** Without it the save button submits the form it stands in. */
  onSave?: () => void;
}) {
  return (
    <>
      <Button onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <Button
        type={onSave ? 'button' : 'submit'}
        variant="primary"
        loading={pending}
        onClick={onSave}
      >
        {label}
      </Button>
    </>
  );
}

/** A dialog that only shows something: one Close button (Esc and the backdrop close it too). */
export function ViewDialog({
  title,
  description,
  className,
  onClose,
  children,
}: {
  title: string;
  description?: ReactNode;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      description={description}
      className={className}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {children}
    </Dialog>
  );
}

/**
 * A swarm dialog that edits one thing: the kit's FormDialog with the swarm's wording (the
 * engine's refusal, a stale version said as "changed meanwhile") and its width.
 */
export function SwarmFormDialog<T extends FieldValues, O, TData, TVariables>(
  props: Omit<FormDialogProps<T, O, TData, TVariables>, 'errorTitle'>,
) {
  return <FormDialog className="max-w-lg" errorTitle="The engine refused" {...props} />;
}
