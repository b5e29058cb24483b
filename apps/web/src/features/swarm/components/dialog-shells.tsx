// The two shapes every swarm dialog takes (one that shows, one that saves), so the Close, Cancel
// and Save buttons and the engine's refusal look and read the same in each.
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineAlert } from '@/components/ui/inline-alert';
import { versionConflictMessage } from '../api/swarm-api';
import { SubmitForm } from './form-fields';

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
 * A dialog that edits one thing: its fields in a form (Enter saves), the engine's refusal under
 * them, then Cancel and Save. While the save runs the dialog is busy and cannot be closed.
 */
export function FormDialogShell({
  title,
  saveLabel,
  pending,
  error,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  saveLabel: ReactNode;
  pending: boolean;
  error: Error | null;
  /** Called on submit; the caller validates and starts the save. */
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open onClose={onClose} title={title} className="max-w-lg" busy={pending}>
      <SubmitForm className="flex flex-col gap-3 pb-4" onSubmit={onSubmit}>
        {children}
        <RefusalAlert error={error} />
        <div className="flex justify-end gap-2">
          <SaveButtons label={saveLabel} pending={pending} onCancel={onClose} />
        </div>
      </SubmitForm>
    </Dialog>
  );
}
