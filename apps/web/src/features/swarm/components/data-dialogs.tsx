// The dialogs of the secrets and configs pages: one set for both kinds, worded for each.
import { endpointKeys } from '@berth/api';
import type { SwarmDataObject } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { TextAreaField, TextField } from '@/components/ui/field';
import { InspectJson } from '@/components/ui/inspect-json';
import { KeyValueList } from '@/components/ui/key-value';
import { formatPairs, parsePairs } from '../api/service-form';
import {
  createData,
  dataInspectQueryOptions,
  fromBase64,
  removeData,
  toBase64,
  updateData,
} from '../api/swarm-api';
import type { DataKind } from '../api/swarm-api';
import type { DataDialog } from './data-columns';
import { FormDialogShell, RefusalAlert, SaveButtons, ViewDialog } from './dialog-shells';
import { useSubmitCheck } from './form-fields';
import { ConfirmDialog } from './swarm-bits';

export const DATA_NOUN = { secrets: 'secret', configs: 'config' } as const;

const LABELS_HINT = 'One KEY=value a line.';

/** Whichever dialog is open, for objects of `kind`. */
export function DataDialogs({
  endpointId,
  kind,
  dialog,
  usage,
  onClose,
}: {
  endpointId: string;
  kind: DataKind;
  dialog: DataDialog;
  usage: ReadonlyMap<string, string[]>;
  onClose: () => void;
}) {
  if (dialog.kind === 'create')
    return <CreateDataDialog endpointId={endpointId} kind={kind} onClose={onClose} />;
  const props = { endpointId, kind, object: dialog.object, onClose };
  const usedBy = usage.get(dialog.object.ID) ?? [];
  if (dialog.kind === 'inspect') return <InspectDataDialog {...props} usedBy={usedBy} />;
  if (dialog.kind === 'labels') return <LabelsDialog {...props} />;
  const noun = DATA_NOUN[kind];
  return (
    <ConfirmDialog
      title={`Remove ${noun} ${dialog.object.Spec.Name}?`}
      description={
        usedBy.length
          ? `It is used by ${usedBy.join(', ')}: the engine refuses until they stop using it.`
          : undefined
      }
      confirm={`Remove ${noun}`}
      action={() => removeData(endpointId, kind, dialog.object.ID)}
      invalidates={[endpointKeys.swarm(endpointId)]}
      onClose={onClose}
    />
  );
}

interface ObjectDialogProps {
  endpointId: string;
  kind: DataKind;
  object: SwarmDataObject;
  onClose: () => void;
}

/** The content is typed or uploaded (never both); the engine wants it base64. */
function CreateDataDialog({
  endpointId,
  kind,
  onClose,
}: {
  endpointId: string;
  kind: DataKind;
  onClose: () => void;
}) {
  const noun = DATA_NOUN[kind];
  const fileId = useId();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [labels, setLabels] = useState('');
  const errors: { name?: string; data?: string } = {};
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name.trim()))
    errors.name = 'A name is required: letters, digits, _ . -';
  if (!file && !text) errors.data = `Type the ${noun}'s content or choose a file.`;
  const mutation = useMutation({
    mutationFn: async () => {
      const bytes = file
        ? new Uint8Array(await file.arrayBuffer())
        : new TextEncoder().encode(text);
      return createData(endpointId, kind, {
        Name: name.trim(),
        Data: toBase64(bytes),
        Labels: parsePairs(labels),
      });
    },
    meta: { toastOnError: false, invalidates: [endpointKeys.swarm(endpointId)] },
    onSuccess: onClose,
  });
  const check = useSubmitCheck(errors, () => mutation.mutate());
  return (
    <FormDialogShell
      title={`Create ${noun}`}
      saveLabel={`Create ${noun}`}
      pending={mutation.isPending}
      error={mutation.error}
      onClose={onClose}
      onSubmit={check.submit}
    >
      <TextField
        label="Name"
        value={name}
        error={check.error('name')}
        onChange={(e) => setName(e.target.value)}
      />
      <TextAreaField
        label="Content"
        rows={6}
        value={text}
        disabled={file !== null}
        error={check.error('data')}
        hint={kind === 'secrets' ? 'Stored encrypted in the swarm; never shown again.' : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={fileId} className="text-[12.5px] font-medium text-fg">
          …or upload a file
        </label>
        <input
          id={fileId}
          type="file"
          className="text-[12.5px] text-muted"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <TextAreaField
        label="Labels"
        hint={LABELS_HINT}
        value={labels}
        onChange={(e) => setLabels(e.target.value)}
      />
    </FormDialogShell>
  );
}

/** The object as the engine has it now; a config's content decoded, a secret's never returned. */
function InspectDataDialog({
  endpointId,
  kind,
  object,
  usedBy,
  onClose,
}: ObjectDialogProps & { usedBy: string[] }) {
  const inspect = useQuery(dataInspectQueryOptions(endpointId, kind, object.ID));
  const data = inspect.data?.Spec.Data ?? object.Spec.Data;
  const content = kind === 'configs' && data ? fromBase64(data) : null;
  return (
    <ViewDialog title={object.Spec.Name} className="sm:max-w-2xl" onClose={onClose}>
      <KeyValueList
        items={[
          { label: 'ID', value: object.ID, mono: true },
          { label: 'Used by', value: usedBy.join(', ') },
          { label: 'Created', value: new Date(object.CreatedAt).toLocaleString() },
          { label: 'Updated', value: new Date(object.UpdatedAt).toLocaleString() },
          { label: 'Labels', value: formatPairs(object.Spec.Labels), mono: true },
        ]}
      />
      {kind === 'configs' ? (
        <>
          <h3 className="mt-4 mb-2 text-[13px] font-semibold text-fg">Content</h3>
          <pre
            aria-label="Config content"
            className="max-h-80 overflow-auto rounded-md bg-subtle p-3 font-mono text-[12px] text-fg"
          >
            {content}
          </pre>
        </>
      ) : (
        <p className="mt-3 text-[12.5px] text-muted">
          The engine never returns a secret's content; services read it from /run/secrets.
        </p>
      )}
      <h3 className="mt-4 mb-2 text-[13px] font-semibold text-fg">Inspect</h3>
      <InspectJson query={inspect} label={`Inspect of ${object.Spec.Name}`} />
    </ViewDialog>
  );
}

function LabelsDialog({ endpointId, kind, object, onClose }: ObjectDialogProps) {
  const [labels, setLabels] = useState(formatPairs(object.Spec.Labels));
  const mutation = useMutation({
    mutationFn: () => updateData(endpointId, kind, object, parsePairs(labels)),
    meta: { toastOnError: false, invalidates: [endpointKeys.swarm(endpointId)] },
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Labels of ${object.Spec.Name}`}
      description="Only labels can change; the content of a secret or config is fixed (create a new one)."
      busy={mutation.isPending}
      footer={
        <SaveButtons
          label="Save labels"
          pending={mutation.isPending}
          onCancel={onClose}
          onSave={() => mutation.mutate()}
        />
      }
    >
      <TextAreaField
        label="Labels"
        hint={LABELS_HINT}
        value={labels}
        onChange={(e) => setLabels(e.target.value)}
      />
      <RefusalAlert error={mutation.error} className="mt-2" />
    </Dialog>
  );
}
