import { stackNameSchema } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Rocket } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import type { StackKind } from '@berth/api';
import { SelectField, TextField } from '@/components/ui/field';
import { DetailHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { stackQueryOptions } from '../api/stacks-api';
import { useDeploy } from '../api/use-deploy';
import { useStackPreview } from '../api/use-stack-preview';
import { DeployDialog } from '../components/deploy-dialog';
import { DiffDialog } from '../components/diff-dialog';
import { StackFileEditor } from '../components/stack-file-editor';
import type { StackFileValue } from '../components/stack-file-editor';

const editRoute = getRouteApi('/_app/endpoints/$endpointId/stacks/$stackName/edit');

const STARTER = `services:
  web:
    image: nginx:alpine
    ports:
      - "8080:80"
    restart: unless-stopped
`;

/** A new stack: name, compose file and .env, checked as typed, deployed with live progress. */
export function NewStackRoute() {
  useDocumentTitle('New stack');
  return <StackEditor mode="create" initialName="" initial={{ compose: STARTER, env: '' }} />;
}

/** Editing a stack: the stored file (or a CLI stack's nothing yet), redeployed after a diff. */
export function EditStackRoute() {
  const endpointId = useEndpointId();
  const { stackName } = editRoute.useParams();
  useDocumentTitle(`Edit ${stackName}`);
  const query = useQuery(stackQueryOptions(endpointId, stackName));
  if (query.isPending) return <SkeletonRows rows={6} label="Loading the stack" />;
  if (query.isError)
    return (
      <ErrorState
        title={`Could not load stack ${stackName}`}
        message={query.error.message}
        onRetry={() => void query.refetch()}
      />
    );
  return (
    <StackEditor
      mode="edit"
      initialName={stackName}
      initial={{ compose: query.data.file?.compose ?? '', env: query.data.file?.env ?? '' }}
    />
  );
}

function StackEditor({
  mode,
  initialName,
  initial,
}: {
  mode: 'create' | 'edit';
  initialName: string;
  initial: StackFileValue;
}) {
  const endpointId = useEndpointId();
  const navigate = useNavigate();
  const [name, setName] = useState(initialName);
  // A new stack is a compose project or a swarm stack; an edited one stays what it is.
  const [kind, setKind] = useState<StackKind>('compose');
  const [file, setFile] = useState<StackFileValue>(initial);
  const [nameTouched, setNameTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const deploy = useDeploy(endpointId);
  const { preview, checking } = useStackPreview(endpointId, {
    name,
    ...file,
    kind: mode === 'create' ? kind : undefined,
  });
  const nameProblem = useMemo(() => {
    const result = stackNameSchema.safeParse(name);
    return result.success ? null : (result.error.issues[0]?.message ?? 'Invalid name');
  }, [name]);
  // A refused deploy's problems stand for the file that was sent, until it is edited; otherwise
  // the problems of the file as the gateway sees it now.
  const [sent, setSent] = useState<StackFileValue | null>(null);
  const problems =
    sent === file && deploy.problems.length ? deploy.problems : (preview?.problems ?? []);

  const run = () => {
    setConfirming(false);
    setSent(file);
    void deploy.start(
      mode === 'create'
        ? { method: 'POST', path: '', body: { name, kind, ...file } }
        : { method: 'PUT', path: `/${encodeURIComponent(name)}`, body: file },
    );
  };
  const openStack = () =>
    void navigate({
      to: '/endpoints/$endpointId/stacks/$stackName',
      params: { endpointId, stackName: name },
    });
  const canDeploy = !nameProblem && file.compose.trim() !== '' && !checking && preview?.ok === true;

  return (
    <div className="flex h-full min-h-0 flex-col overflow-auto">
      <DetailHeader
        crumbs={[
          {
            label: 'Stacks',
            link: { to: '/endpoints/$endpointId/stacks', params: { endpointId } },
          },
        ]}
        title={mode === 'create' ? 'New stack' : `Edit ${initialName}`}
        actions={
          <Button
            variant="primary"
            icon={<Rocket className="size-3.5" aria-hidden />}
            disabled={!canDeploy || deploy.state.phase === 'running'}
            onClick={() => (mode === 'edit' ? setConfirming(true) : run())}
          >
            {mode === 'create' ? 'Deploy' : 'Review and redeploy'}
          </Button>
        }
      />
      <div className="flex flex-col gap-4 px-6 py-4">
        {mode === 'create' && (
          <TextField
            label="Stack name"
            hint="The compose project name: lower-case letters, digits, - and _."
            value={name}
            onChange={(event) => setName(event.target.value)}
            onBlur={() => setNameTouched(true)}
            error={nameTouched ? nameProblem : null}
            className="max-w-sm"
            autoComplete="off"
          />
        )}
        {mode === 'create' && (
          <SelectField
            label="Deploy as"
            hint="A swarm stack runs as swarm services on this endpoint's swarm (docker stack deploy)."
            value={kind}
            onChange={(event) => setKind(event.target.value === 'swarm' ? 'swarm' : 'compose')}
            className="max-w-sm"
          >
            <option value="compose">Compose project (containers on this engine)</option>
            <option value="swarm">Swarm stack (services on the swarm)</option>
          </SelectField>
        )}
        <StackFileEditor value={file} onChange={setFile} problems={problems} checking={checking} />
      </div>
      {confirming && (
        <DiffDialog
          before={preview?.current ?? { compose: '', env: '' }}
          after={file}
          preview={preview}
          onCancel={() => setConfirming(false)}
          onConfirm={run}
        />
      )}
      <DeployDialog
        title={mode === 'create' ? `Deploying ${name}` : `Redeploying ${name}`}
        state={deploy.state}
        onClose={() => {
          const ok = deploy.state.phase === 'done';
          deploy.reset();
          if (ok) openStack();
        }}
        onOpenStack={deploy.state.phase === 'done' ? openStack : undefined}
      />
    </div>
  );
}
