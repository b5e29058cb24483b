import { formatAgo } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { KeyRound, Settings2 } from 'lucide-react';
import { useState } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useEnginePermission } from '@/hooks/use-me';
import { infoQueryOptions } from '@/lib/queries';
import { PageHeader } from '@/components/ui/page-header';
import { swarmQueryOptions } from '../api/swarm-api';
import { JoinTokensPanel } from './join-tokens-panel';
import { LeaveSwarmButton } from './leave-swarm-button';
import { SpecPanel, SwarmSpecDialog } from './swarm-settings';
import { UnlockKeyDialog } from './unlock-key-dialog';

/** A manager's view of its swarm; what only admins may read is left out for others. */
export function SwarmOverview({ endpointId }: { endpointId: string }) {
  const can = useEnginePermission();
  const isAdmin = can('POST', '/swarm/update').allowed;
  // The swarm object holds the join tokens: the engine route is admin-only, so others read /info.
  const swarm = useQuery({ ...swarmQueryOptions(endpointId), enabled: isAdmin });
  const info = useQuery(infoQueryOptions(endpointId));
  const [editing, setEditing] = useState(false);
  const [unlockKey, setUnlockKey] = useState(false);
  const raw = info.data?.Swarm as { Managers?: number; Nodes?: number } | undefined;
  const managers = raw?.Managers ?? 1;
  const counts = [
    { label: 'Nodes', value: String(raw?.Nodes ?? '—') },
    { label: 'Managers', value: String(managers) },
  ];

  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader
        title="Swarm"
        description="This engine is a manager of a swarm."
        actions={
          isAdmin && swarm.data ? (
            <>
              <Button
                size="sm"
                icon={<KeyRound className="size-3.5" aria-hidden />}
                onClick={() => setUnlockKey(true)}
              >
                Unlock key
              </Button>
              <Button
                size="sm"
                icon={<Settings2 className="size-3.5" aria-hidden />}
                onClick={() => setEditing(true)}
              >
                Edit settings
              </Button>
              <LeaveSwarmButton endpointId={endpointId} lastManager={managers <= 1} />
            </>
          ) : null
        }
      />
      <div className="min-h-0 flex-1 overflow-auto p-6">
        {!isAdmin ? (
          <ClusterPanel
            endpointId={endpointId}
            className="max-w-2xl"
            items={[{ label: 'This node', value: info.data?.Swarm?.NodeID, mono: true }, ...counts]}
          >
            <p className="pb-3 text-[12.5px] text-muted">
              Swarm settings, join tokens and the unlock key are for admins.
            </p>
          </ClusterPanel>
        ) : swarm.isPending ? (
          <SkeletonRows rows={5} label="Loading the swarm" />
        ) : swarm.isError ? (
          <ErrorState
            title="Could not inspect the swarm"
            message={swarm.error.message}
            onRetry={() => void swarm.refetch()}
          />
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <ClusterPanel
              endpointId={endpointId}
              items={[
                { label: 'ID', value: swarm.data.ID, mono: true },
                { label: 'Created', value: formatAgo(new Date(swarm.data.CreatedAt).getTime()) },
                ...counts,
                {
                  label: 'Default address pool',
                  value: (swarm.data.DefaultAddrPool ?? []).join(', '),
                  mono: true,
                },
                {
                  label: 'Autolock',
                  value: swarm.data.Spec.EncryptionConfig?.AutoLockManagers ? 'on' : 'off',
                },
              ]}
            />
            <SpecPanel spec={swarm.data.Spec} />
            <JoinTokensPanel endpointId={endpointId} swarm={swarm.data} />
          </div>
        )}
      </div>
      {editing && swarm.data && (
        <SwarmSpecDialog
          endpointId={endpointId}
          swarm={swarm.data}
          onClose={() => setEditing(false)}
        />
      )}
      {unlockKey && swarm.data && (
        <UnlockKeyDialog
          endpointId={endpointId}
          swarm={swarm.data}
          onClose={() => setUnlockKey(false)}
        />
      )}
    </div>
  );
}

/** The cluster's facts and the links to the swarm's other pages. */
function ClusterPanel({
  endpointId,
  items,
  className,
  children,
}: {
  endpointId: string;
  items: ComponentProps<typeof KeyValueList>['items'];
  className?: string;
  children?: ReactNode;
}) {
  return (
    <Panel title="Cluster" bodyClassName="px-4 py-1" className={className}>
      <KeyValueList items={items} />
      <SectionLinks endpointId={endpointId} />
      {children}
    </Panel>
  );
}

const SECTIONS = [
  ['/endpoints/$endpointId/swarm/nodes', 'Nodes'],
  ['/endpoints/$endpointId/swarm/services', 'Services'],
  ['/endpoints/$endpointId/swarm/cluster', 'Cluster view'],
  ['/endpoints/$endpointId/swarm/secrets', 'Secrets'],
  ['/endpoints/$endpointId/swarm/configs', 'Configs'],
] as const;

function SectionLinks({ endpointId }: { endpointId: string }) {
  return (
    <nav aria-label="Swarm sections" className="flex flex-wrap gap-3 py-3 text-[13px]">
      {SECTIONS.map(([to, label]) => (
        <Link key={to} to={to} params={{ endpointId }} className="text-accent-text underline">
          {label}
        </Link>
      ))}
    </nav>
  );
}
