// The dialogs of the secrets and configs pages: one set for both kinds, worded for each.
import {
  dataFormSchema,
  dataLabelsFormSchema,
  emptyDataForm,
  endpointKeys,
  formatLabelLines,
  parseLabelLines,
  toDataCreate,
} from '@berth/api';
import type { DataFormValues, DataLabelsFormValues, SwarmDataObject } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { FormFileField, FormTextAreaField, FormTextField, useZodForm } from '@/components/ui/form';
import { InspectJson } from '@/components/ui/inspect-json';
import { KeyValueList } from '@/components/ui/key-value';
import { dataInspectQueryOptions, fromBase64, removeData } from '../api/swarm-api';
import type { DataKind } from '../api/swarm-api';
import { createDataMutation, updateDataLabelsMutation } from '../api/swarm-mutations';
import type { DataDialog } from './data-columns';
import { SwarmFormDialog, ViewDialog } from './dialog-shells';
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

/** The content is typed or uploaded (a picked file wins); the engine wants it base64. */
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
  const form = useZodForm(dataFormSchema(noun), { defaultValues: emptyDataForm() });
  const picked = form.watch('file') !== null;
  return (
    <SwarmFormDialog
      title={`Create ${noun}`}
      submitLabel={`Create ${noun}`}
      onClose={onClose}
      form={form}
      mutation={createDataMutation(endpointId, kind)}
      toVariables={toDataCreate}
    >
      <FormTextField<DataFormValues> name="name" label="Name" />
      <FormTextAreaField<DataFormValues>
        name="text"
        label="Content"
        rows={6}
        disabled={picked}
        hint={kind === 'secrets' ? 'Stored encrypted in the swarm; never shown again.' : undefined}
      />
      <FormFileField<DataFormValues> name="file" label="…or upload a file" />
      <FormTextAreaField<DataFormValues> name="labels" label="Labels" hint={LABELS_HINT} />
    </SwarmFormDialog>
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
          { label: 'Labels', value: formatLabelLines(object.Spec.Labels), mono: true },
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
  const form = useZodForm(dataLabelsFormSchema, {
    defaultValues: { labels: formatLabelLines(object.Spec.Labels) },
  });
  return (
    <SwarmFormDialog
      title={`Labels of ${object.Spec.Name}`}
      description="Only labels can change; the content of a secret or config is fixed (create a new one)."
      submitLabel="Save labels"
      onClose={onClose}
      form={form}
      mutation={updateDataLabelsMutation(endpointId, kind, object)}
      toVariables={(values) => parseLabelLines(values.labels)}
    >
      <FormTextAreaField<DataLabelsFormValues> name="labels" label="Labels" hint={LABELS_HINT} />
    </SwarmFormDialog>
  );
}
