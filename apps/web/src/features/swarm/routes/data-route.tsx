import { endpointKeys, formatAgo } from '@berth/api';
import type { SwarmDataObject } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Eye, FileKey, Plus, Tags, Trash2 } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { TextAreaField, TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { InspectJson } from '@/components/ui/inspect-json';
import { KeyValueList } from '@/components/ui/key-value';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { parsePairs } from '../api/service-form';
import {
  createData,
  dataQueryOptions,
  fromBase64,
  removeData,
  servicesQueryOptions,
  toBase64,
  updateData,
  usageByData,
  dataInspectQueryOptions,
} from '../api/swarm-api';
import type { DataKind } from '../api/swarm-api';
import { ConfirmDialog } from '../components/swarm-bits';

const NOUN = { secrets: 'secret', configs: 'config' } as const;

type DialogState =
  | { kind: 'create' }
  | { kind: 'inspect'; object: SwarmDataObject }
  | { kind: 'labels'; object: SwarmDataObject }
  | { kind: 'remove'; object: SwarmDataObject }
  | null;

const labelText = (labels: Record<string, string> | undefined) =>
  Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

/** Secrets and configs: the same shape and actions; a secret's content is never shown. */
export function DataRoute({ kind }: { kind: DataKind }) {
  const endpointId = useEndpointId();
  const noun = NOUN[kind];
  const title = kind === 'secrets' ? 'Secrets' : 'Configs';
  useDocumentTitle(title);
  const query = useQuery(dataQueryOptions(endpointId, kind));
  const services = useQuery(servicesQueryOptions(endpointId));
  const can = useEnginePermission();
  const isAdmin = can('POST', `/${kind}/create`).allowed;
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<DialogState>(null);
  const usage = useMemo(() => usageByData(services.data ?? [], kind), [services.data, kind]);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? [])
      .filter((o) => !needle || o.Spec.Name.toLowerCase().includes(needle))
      .sort((a, b) => a.Spec.Name.localeCompare(b.Spec.Name));
  }, [query.data, filter]);

  const columns: Column<SwarmDataObject>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (o) => <span className="font-mono text-[12.5px] text-fg">{o.Spec.Name}</span>,
    },
    {
      key: 'used',
      header: 'Used by',
      cell: (o) => {
        const users = usage.get(o.ID) ?? [];
        return users.length ? (
          <span className="text-fg">{users.join(', ')}</span>
        ) : (
          <span className="text-faint">unused</span>
        );
      },
    },
    {
      key: 'labels',
      header: 'Labels',
      cell: (o) => (
        <span className="font-mono text-[12px] text-muted">
          {labelText(o.Spec.Labels).replace(/\n/g, ', ') || '—'}
        </span>
      ),
    },
    {
      key: 'created',
      header: 'Created',
      cell: (o) => <span className="text-muted">{formatAgo(new Date(o.CreatedAt).getTime())}</span>,
    },
    {
      key: 'actions',
      header: '',
      className: 'text-right',
      cell: (o) => (
        <span className="inline-flex gap-1">
          <IconButton
            size="sm"
            aria-label={`Inspect ${o.Spec.Name}`}
            onClick={() => setDialog({ kind: 'inspect', object: o })}
          >
            <Eye className="size-3.5" />
          </IconButton>
          {isAdmin && (
            <>
              <IconButton
                size="sm"
                aria-label={`Edit labels of ${o.Spec.Name}`}
                onClick={() => setDialog({ kind: 'labels', object: o })}
              >
                <Tags className="size-3.5" />
              </IconButton>
              <IconButton
                size="sm"
                aria-label={`Remove ${o.Spec.Name}`}
                onClick={() => setDialog({ kind: 'remove', object: o })}
              >
                <Trash2 className="size-3.5" />
              </IconButton>
            </>
          )}
        </span>
      ),
    },
  ];

  return (
    <>
      <ListPage
        title={title}
        noun={kind}
        query={query}
        filter={filter}
        onFilter={setFilter}
        visibleCount={rows.length}
        actions={
          isAdmin && (
            <Button
              size="sm"
              variant="primary"
              icon={<Plus className="size-3.5" aria-hidden />}
              onClick={() => setDialog({ kind: 'create' })}
            >
              Create {noun}
            </Button>
          )
        }
        empty={
          <EmptyState icon={<FileKey className="size-8" aria-hidden />} title={`No ${kind}`}>
            {kind === 'secrets'
              ? 'A secret is data a service reads from /run/secrets; the engine never shows it again.'
              : 'A config is a file a service reads, kept by the swarm.'}
          </EmptyState>
        }
      >
        <SimpleTable label={title} columns={columns} rows={rows} rowKey={(o) => o.ID} />
      </ListPage>
      {dialog?.kind === 'create' && (
        <CreateDataDialog endpointId={endpointId} kind={kind} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'inspect' && (
        <InspectDataDialog
          endpointId={endpointId}
          kind={kind}
          object={dialog.object}
          usedBy={usage.get(dialog.object.ID) ?? []}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'labels' && (
        <LabelsDialog
          endpointId={endpointId}
          kind={kind}
          object={dialog.object}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove ${noun} ${dialog.object.Spec.Name}?`}
          description={
            (usage.get(dialog.object.ID) ?? []).length
              ? `It is used by ${(usage.get(dialog.object.ID) ?? []).join(', ')}: the engine refuses until they stop using it.`
              : undefined
          }
          confirm={`Remove ${noun}`}
          action={() => removeData(endpointId, kind, dialog.object.ID)}
          invalidates={[endpointKeys.swarm(endpointId)]}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

function CreateDataDialog({
  endpointId,
  kind,
  onClose,
}: {
  endpointId: string;
  kind: DataKind;
  onClose: () => void;
}) {
  const noun = NOUN[kind];
  const fileId = useId();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [labels, setLabels] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors: Record<string, string> = {};
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
  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!Object.keys(errors).length) mutation.mutate();
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Create ${noun}`}
      className="max-w-lg"
      busy={mutation.isPending}
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 pb-4">
        <TextField
          label="Name"
          value={name}
          error={submitted ? errors.name : null}
          onChange={(e) => setName(e.target.value)}
        />
        <TextAreaField
          label="Content"
          rows={6}
          value={text}
          disabled={file !== null}
          error={submitted ? errors.data : null}
          hint={
            kind === 'secrets' ? 'Stored encrypted in the swarm; never shown again.' : undefined
          }
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
          hint="One KEY=value a line."
          value={labels}
          onChange={(e) => setLabels(e.target.value)}
        />
        {mutation.isError && (
          <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Create {noun}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function InspectDataDialog({
  endpointId,
  kind,
  object,
  usedBy,
  onClose,
}: {
  endpointId: string;
  kind: DataKind;
  object: SwarmDataObject;
  usedBy: string[];
  onClose: () => void;
}) {
  const inspect = useQuery(dataInspectQueryOptions(endpointId, kind, object.ID));
  const data = inspect.data?.Spec.Data ?? object.Spec.Data;
  const content = kind === 'configs' && data ? fromBase64(data) : null;
  return (
    <Dialog
      open
      onClose={onClose}
      title={object.Spec.Name}
      className="sm:max-w-2xl"
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <KeyValueList
        items={[
          { label: 'ID', value: object.ID, mono: true },
          { label: 'Used by', value: usedBy.join(', ') },
          { label: 'Created', value: new Date(object.CreatedAt).toLocaleString() },
          { label: 'Updated', value: new Date(object.UpdatedAt).toLocaleString() },
          { label: 'Labels', value: labelText(object.Spec.Labels), mono: true },
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
    </Dialog>
  );
}

function LabelsDialog({
  endpointId,
  kind,
  object,
  onClose,
}: {
  endpointId: string;
  kind: DataKind;
  object: SwarmDataObject;
  onClose: () => void;
}) {
  const [labels, setLabels] = useState(labelText(object.Spec.Labels));
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
        <>
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button variant="primary" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            Save labels
          </Button>
        </>
      }
    >
      <TextAreaField
        label="Labels"
        hint="One KEY=value a line."
        value={labels}
        onChange={(e) => setLabels(e.target.value)}
      />
      {mutation.isError && (
        <InlineAlert title="The engine refused" className="mt-2">
          {mutation.error.message}
        </InlineAlert>
      )}
    </Dialog>
  );
}

export function SecretsRoute() {
  return <DataRoute kind="secrets" />;
}

export function ConfigsRoute() {
  return <DataRoute kind="configs" />;
}
