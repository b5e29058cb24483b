import { endpointKeys } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { History, Play, Plus, RotateCw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { RoleNote } from '@/components/ui/role-note';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useEnginePermission } from '@/hooks/use-me';
import {
  checkpointsQueryOptions,
  createCheckpoint,
  deleteCheckpoint,
  startFromCheckpoint,
  validateCheckpointDir,
  validateCheckpointId,
} from '../../api/pouch';

/**
 * PouchContainer's checkpoints (CRIU): list, create (optionally stopping the container), delete,
 * and start the stopped container from one. CRIU's own error is shown as the engine gives it.
 */
export function CheckpointsPanel({
  endpointId,
  containerId,
  running,
}: {
  endpointId: string;
  containerId: string;
  running: boolean;
}) {
  const can = useEnginePermission();
  const base = `/containers/${containerId}`;
  const mayCreate = can('POST', `${base}/checkpoints`);
  const mayDelete = can('DELETE', `${base}/checkpoints/any`);
  const mayStart = can('POST', `${base}/start`);
  const [dirDraft, setDirDraft] = useState('');
  const [dir, setDir] = useState('');
  const [dialog, setDialog] = useState<
    { kind: 'create' } | { kind: 'delete'; name: string } | null
  >(null);
  const query = useQuery(checkpointsQueryOptions(endpointId, containerId, dir));
  const dirError = validateCheckpointDir(dirDraft);
  const start = useMutation({
    mutationFn: (name: string) => startFromCheckpoint(endpointId, containerId, name, dir),
    meta: {
      errorTitle: 'Could not start from the checkpoint',
      invalidates: [endpointKeys.containers(endpointId), endpointKeys.info(endpointId)],
    },
  });

  const columns: Column<string>[] = [
    { key: 'name', header: 'Checkpoint', cellClassName: 'font-mono', cell: (name) => name },
    {
      key: 'actions',
      header: 'Actions',
      hideHeader: true,
      className: 'text-right',
      cell: (name) => (
        <div className="flex justify-end gap-1.5">
          {mayStart.allowed && (
            <Button
              size="sm"
              icon={<Play className="size-3.5" aria-hidden />}
              disabled={running}
              title={running ? 'Stop the container to start it from here.' : undefined}
              loading={start.isPending && start.variables === name}
              aria-label={`Start from ${name}`}
              onClick={() => start.mutate(name)}
            >
              Start from here
            </Button>
          )}
          {mayDelete.allowed && (
            <Button
              size="sm"
              className="text-danger"
              icon={<Trash2 className="size-3.5" aria-hidden />}
              aria-label={`Delete ${name}`}
              onClick={() => setDialog({ kind: 'delete', name })}
            >
              Delete
            </Button>
          )}
        </div>
      ),
    },
  ];

  return (
    <section aria-label="Checkpoints" className="flex flex-col gap-4 p-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form
          noValidate
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (dirError) return;
            if (dirDraft === dir) void query.refetch();
            else setDir(dirDraft);
          }}
        >
          <div className="w-80">
            <TextField
              label="Checkpoint directory"
              placeholder="engine default"
              value={dirDraft}
              error={dirError}
              spellCheck={false}
              className="font-mono"
              onChange={(event) => setDirDraft(event.target.value)}
            />
          </div>
          <Button
            type="submit"
            icon={<RotateCw className="size-3.5" aria-hidden />}
            loading={query.isFetching}
          >
            Refresh
          </Button>
        </form>
        {mayCreate.allowed ? (
          <Button
            variant="primary"
            icon={<Plus className="size-3.5" aria-hidden />}
            disabled={!running}
            title={running ? undefined : 'A checkpoint is taken of a running container.'}
            onClick={() => setDialog({ kind: 'create' })}
          >
            Create checkpoint
          </Button>
        ) : (
          <RoleNote needed={mayCreate.needed} what="creating checkpoints" />
        )}
      </div>

      {query.isPending ? (
        <SkeletonRows rows={3} label="Loading checkpoints" />
      ) : query.isError ? (
        <ErrorState
          title="Could not list checkpoints"
          message={query.error.message}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : query.data.length === 0 ? (
        <EmptyState icon={<History className="size-6" aria-hidden />} title="No checkpoints">
          {running
            ? 'Create one to save the running process state (CRIU must be installed on the engine host); the container can later start from it.'
            : 'Checkpoints are taken of a running container. Start it, then create one here.'}
        </EmptyState>
      ) : (
        <div className="overflow-auto rounded-lg border border-line">
          <SimpleTable
            label="Checkpoint list"
            density="compact"
            columns={columns}
            rows={query.data}
            rowKey={(name) => name}
          />
        </div>
      )}
      {!mayDelete.allowed && query.data && query.data.length > 0 && (
        <RoleNote needed={mayDelete.needed} what="deleting checkpoints" />
      )}

      {dialog?.kind === 'create' && (
        <CreateCheckpointDialog
          endpointId={endpointId}
          containerId={containerId}
          dir={dir}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteCheckpointDialog
          endpointId={endpointId}
          containerId={containerId}
          dir={dir}
          name={dialog.name}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}

function CreateCheckpointDialog({
  endpointId,
  containerId,
  dir: listedDir,
  onClose,
}: {
  endpointId: string;
  containerId: string;
  dir: string;
  onClose: () => void;
}) {
  const [id, setId] = useState('');
  const [dir, setDir] = useState(listedDir);
  const [exit, setExit] = useState(false);
  const [touched, setTouched] = useState(false);
  const idError = validateCheckpointId(id);
  const dirError = validateCheckpointDir(dir);
  const mutation = useMutation({
    mutationFn: () => createCheckpoint(endpointId, containerId, { id, dir, exit }),
    // The error is shown in the dialog, where the user can read CRIU's message in full.
    meta: {
      toastOnError: false,
      invalidates: [
        endpointKeys.container(endpointId, containerId),
        endpointKeys.containers(endpointId),
      ],
    },
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      busy={mutation.isPending}
      title="Create checkpoint"
      description="Saves the running container's process state with CRIU on the engine host."
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (idError || dirError) return;
          mutation.mutate();
        }}
      >
        <TextField
          label="Name"
          value={id}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          className="font-mono"
          error={touched ? idError : null}
          onChange={(event) => setId(event.target.value)}
        />
        <TextField
          label="Directory"
          placeholder="engine default"
          hint="Where the checkpoint is written on the engine host (optional)."
          value={dir}
          spellCheck={false}
          className="font-mono"
          error={dirError}
          onChange={(event) => setDir(event.target.value)}
        />
        <CheckboxField
          label="Stop the container after the checkpoint (Exit)"
          hint="Otherwise it keeps running."
          checked={exit}
          onChange={(event) => setExit(event.target.checked)}
        />
        {mutation.isError && (
          <InlineAlert title="The engine could not create the checkpoint">
            <span className="font-mono">{mutation.error.message}</span>
          </InlineAlert>
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

function DeleteCheckpointDialog({
  endpointId,
  containerId,
  dir,
  name,
  onClose,
}: {
  endpointId: string;
  containerId: string;
  dir: string;
  name: string;
  onClose: () => void;
}) {
  const mutation = useMutation({
    mutationFn: () => deleteCheckpoint(endpointId, containerId, name, dir),
    meta: { toastOnError: false, invalidates: [endpointKeys.container(endpointId, containerId)] },
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      role="alertdialog"
      onClose={onClose}
      busy={mutation.isPending}
      title={`Delete checkpoint ${name}?`}
      description="The saved process state is removed from the engine host; the container is not touched."
      footer={
        <>
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button variant="danger" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            Delete
          </Button>
        </>
      }
    >
      {mutation.isError && (
        <InlineAlert title="The engine could not delete the checkpoint">
          <span className="font-mono">{mutation.error.message}</span>
        </InlineAlert>
      )}
    </Dialog>
  );
}
