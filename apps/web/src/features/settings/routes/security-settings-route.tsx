import { useQuery } from '@tanstack/react-query';
import { FolderLock, Plus, ShieldAlert, X } from 'lucide-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import {
  hostPathProblem,
  normaliseHostPath,
  securitySettingsQueryOptions,
  useSaveSecuritySettings,
} from '../api/security-settings';
import { EngineFetchForm } from '../components/engine-fetch-form';

const REFUSED: Array<{ what: string; why: ReactNode }> = [
  { what: 'Privileged containers', why: 'full control of the host' },
  {
    what: "The host's namespaces",
    why: 'network, PID, IPC, UTS, user and cgroup namespace set to host',
  },
  { what: 'Devices', why: 'host devices, device cgroup rules and device requests (GPUs)' },
  { what: 'Added capabilities', why: 'CapAdd, and weakened seccomp or AppArmor profiles' },
  {
    what: 'Bind mounts outside the list below',
    why: (
      <>
        through <code className="font-mono">Binds</code> (<code className="font-mono">-v</code>),{' '}
        <code className="font-mono">Mounts</code> (<code className="font-mono">--mount</code>),
        swarm service mounts and local volumes with <code className="font-mono">o=bind</code>
      </>
    ),
  },
  {
    what: 'Fetches from hosts not listed below',
    why: 'pulls, pushes, searches, registry checks, imports and builds from a URL, plugin remotes',
  },
];

export function SecuritySettingsRoute() {
  useDocumentTitle('Security settings');
  const query = useQuery(securitySettingsQueryOptions());

  return (
    <div className="h-full overflow-auto">
      <div className="mx-auto flex max-w-3xl flex-col gap-5 px-6 py-5">
        <div>
          <h1 className="text-[17px] font-semibold text-fg">Security settings</h1>
          <p className="mt-0.5 text-[12.5px] text-muted">
            The policy Berth applies to what operators and viewers ask the engine for. Admins are
            not limited.
          </p>
        </div>

        <Panel title="What non-admins cannot do" id="policy">
          <div className="px-4 py-3 text-[13px]">
            <p className="text-muted">
              The Docker socket is root on the host. Berth refuses these in every container create
              and update, exec and swarm service request from a non-admin, and says which one it
              refused:
            </p>
            <ul className="mt-2.5 flex flex-col gap-1.5">
              {REFUSED.map((item) => (
                <li key={item.what} className="flex gap-2">
                  <ShieldAlert className="mt-0.5 size-3.5 shrink-0 text-amber-600" aria-hidden />
                  <span>
                    <span className="font-medium text-fg">{item.what}</span>
                    <span className="text-muted"> — {item.why}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </Panel>

        {query.isPending ? (
          <Panel title="Host paths non-admins may bind-mount">
            <SkeletonRows rows={4} label="Loading security settings" />
          </Panel>
        ) : query.isError ? (
          <Panel title="Host paths non-admins may bind-mount">
            <ErrorState
              title="Could not read the security settings"
              message={query.error.message}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          </Panel>
        ) : (
          <>
            <BindPathsForm
              // A save (or someone else's) resets the form to what the gateway holds.
              key={query.data.allowedBindPaths.join('\n')}
              saved={query.data.allowedBindPaths}
            />
            <EngineFetchForm
              key={JSON.stringify(query.data.engineFetch)}
              saved={query.data.engineFetch}
            />
          </>
        )}
      </div>
    </div>
  );
}

function BindPathsForm({ saved }: { saved: string[] }) {
  const save = useSaveSecuritySettings();
  const [paths, setPaths] = useState(saved);
  const [draft, setDraft] = useState('');
  const [attempted, setAttempted] = useState(false);
  const problem = hostPathProblem(draft, paths);
  const dirty = paths.join('\n') !== saved.join('\n');

  function add() {
    setAttempted(true);
    if (problem) return;
    setPaths([...paths, normaliseHostPath(draft)].sort());
    setDraft('');
    setAttempted(false);
  }

  return (
    <Panel title="Host paths non-admins may bind-mount" id="bind-paths">
      <div className="flex flex-col gap-4 px-4 py-3">
        <p className="text-[13px] text-muted">
          A bind mount is allowed when its host path is one of these or below one, by whole path
          segments: <code className="font-mono">/srv/data</code> allows{' '}
          <code className="font-mono">/srv/data/app</code> but not{' '}
          <code className="font-mono">/srv/database</code>. Named volumes are always allowed.
        </p>

        {paths.length === 0 ? (
          <EmptyState icon={<FolderLock className="size-7" aria-hidden />} title="No host paths">
            Non-admins cannot bind-mount anything from the host. Add a path below to allow one.
          </EmptyState>
        ) : (
          <ul
            aria-label="Allowed host paths"
            className="divide-y divide-line rounded-md border border-line"
          >
            {paths.map((path) => (
              <li key={path} className="flex items-center justify-between gap-3 px-3 py-1.5">
                <span className="font-mono text-[12.5px] break-all text-fg">{path}</span>
                <IconButton
                  size="sm"
                  aria-label={`Remove ${path}`}
                  onClick={() => setPaths(paths.filter((p) => p !== path))}
                >
                  <X className="size-3.5" />
                </IconButton>
              </li>
            ))}
          </ul>
        )}
        {paths.includes('/') && (
          <InlineAlert tone="warning" title="/ allows the whole host">
            Anyone with the operator role can then mount /etc or the Docker socket itself, which is
            as good as root on the host.
          </InlineAlert>
        )}

        <form
          noValidate
          className="flex items-start gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <div className="flex-1">
            <TextField
              label="Add a host path"
              placeholder="/srv/data"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              value={draft}
              error={attempted || draft ? problem : null}
              onChange={(event) => setDraft(event.target.value)}
            />
          </div>
          <Button
            type="submit"
            className="mt-[22px]"
            icon={<Plus className="size-3.5" aria-hidden />}
          >
            Add path
          </Button>
        </form>

        <div className="flex items-center justify-end gap-2 border-t border-line pt-3">
          {dirty && (
            <span
              className="mr-auto text-[12.5px] text-amber-700 dark:text-amber-400"
              role="status"
            >
              Unsaved changes
            </span>
          )}
          <Button disabled={!dirty || save.isPending} onClick={() => setPaths(saved)}>
            Discard
          </Button>
          <Button
            variant="primary"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate({ allowedBindPaths: paths })}
          >
            Save changes
          </Button>
        </div>
      </div>
    </Panel>
  );
}
