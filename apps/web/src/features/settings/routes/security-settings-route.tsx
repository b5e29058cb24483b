import { useQuery } from '@tanstack/react-query';
import { ShieldAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { securitySettingsQueryOptions } from '../api/security-settings';
import { BindPathsForm } from '../components/bind-paths-form';
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
