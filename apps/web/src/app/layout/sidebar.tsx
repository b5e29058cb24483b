import { appUrl } from '@/lib/base-path';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  Activity,
  Boxes,
  Columns3,
  FileCog,
  FileKey,
  Puzzle,
  Workflow,
  Box,
  Gauge,
  HardDrive,
  KeyRound,
  Layers,
  Layers3,
  LayoutDashboard,
  LayoutGrid,
  MonitorPlay,
  Network,
  ScrollText,
  Server,
  ServerCog,
  ShieldCheck,
  Users,
  KeySquare,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { endpointsQueryOptions, findEndpoint, infoQueryOptions } from '@/lib/queries';

type EngineTo =
  | '/endpoints/$endpointId/dashboard'
  | '/endpoints/$endpointId/containers'
  | '/endpoints/$endpointId/stacks'
  | '/endpoints/$endpointId/images'
  | '/endpoints/$endpointId/registries'
  | '/endpoints/$endpointId/networks'
  | '/endpoints/$endpointId/volumes'
  | '/endpoints/$endpointId/events'
  | '/endpoints/$endpointId/stats'
  | '/endpoints/$endpointId/system';

type AdminTo =
  | '/admin/users'
  | '/admin/endpoints'
  | '/admin/wall'
  | '/admin/audit'
  | '/admin/security'
  | '/admin/sso';

const ITEMS: Array<{ to: EngineTo; label: string; icon: ReactNode }> = [
  { to: '/endpoints/$endpointId/dashboard', label: 'Dashboard', icon: <LayoutDashboard /> },
  { to: '/endpoints/$endpointId/containers', label: 'Containers', icon: <Box /> },
  { to: '/endpoints/$endpointId/stacks', label: 'Stacks', icon: <Layers3 /> },
  { to: '/endpoints/$endpointId/images', label: 'Images', icon: <Layers /> },
  { to: '/endpoints/$endpointId/registries', label: 'Registries', icon: <KeyRound /> },
  { to: '/endpoints/$endpointId/networks', label: 'Networks', icon: <Network /> },
  { to: '/endpoints/$endpointId/volumes', label: 'Volumes', icon: <HardDrive /> },
  { to: '/endpoints/$endpointId/stats', label: 'Stats', icon: <Gauge /> },
  { to: '/endpoints/$endpointId/events', label: 'Events', icon: <Activity /> },
  { to: '/endpoints/$endpointId/system', label: 'System', icon: <Server /> },
];

const ADMIN_ITEMS: Array<{ to: AdminTo; label: string; icon: ReactNode }> = [
  { to: '/admin/users', label: 'Users', icon: <Users /> },
  { to: '/admin/endpoints', label: 'Endpoints', icon: <ServerCog /> },
  { to: '/admin/wall', label: 'Wall', icon: <MonitorPlay /> },
  { to: '/admin/audit', label: 'Audit log', icon: <ScrollText /> },
  { to: '/admin/security', label: 'Security settings', icon: <ShieldCheck /> },
  { to: '/admin/sso', label: 'Single sign-on', icon: <KeySquare /> },
];

type SwarmTo =
  | '/endpoints/$endpointId/swarm'
  | '/endpoints/$endpointId/swarm/nodes'
  | '/endpoints/$endpointId/swarm/services'
  | '/endpoints/$endpointId/swarm/cluster'
  | '/endpoints/$endpointId/swarm/secrets'
  | '/endpoints/$endpointId/swarm/configs';

const SWARM_ITEMS: Array<{ to: SwarmTo; label: string; icon: ReactNode }> = [
  { to: '/endpoints/$endpointId/swarm', label: 'Overview', icon: <Workflow /> },
  { to: '/endpoints/$endpointId/swarm/nodes', label: 'Nodes', icon: <Server /> },
  { to: '/endpoints/$endpointId/swarm/services', label: 'Services', icon: <Boxes /> },
  { to: '/endpoints/$endpointId/swarm/cluster', label: 'Cluster', icon: <Columns3 /> },
  { to: '/endpoints/$endpointId/swarm/secrets', label: 'Secrets', icon: <FileKey /> },
  { to: '/endpoints/$endpointId/swarm/configs', label: 'Configs', icon: <FileCog /> },
];

const LINK =
  'group flex h-8 items-center gap-2.5 rounded-md px-2.5 text-[13px] text-muted transition-colors hover:bg-hover hover:text-fg data-[status=active]:bg-accent-soft data-[status=active]:font-medium data-[status=active]:text-accent-text';

function Icon({ children }: { children: ReactNode }) {
  return (
    <span
      aria-hidden
      className="text-faint group-hover:text-muted group-data-[status=active]:text-accent-text [&>svg]:size-4"
    >
      {children}
    </span>
  );
}

export function Sidebar({ endpointId, isAdmin }: { endpointId: string; isAdmin: boolean }) {
  return (
    <aside className="flex w-52 shrink-0 flex-col border-r border-line bg-panel">
      <Link
        to="/"
        className="flex h-12 items-center gap-2.5 border-b border-line px-4"
        aria-label="Berth home"
      >
        <img src={appUrl('/favicon.svg')} alt="" className="size-6" />
        <span className="text-[15px] font-semibold tracking-tight text-fg">Berth</span>
      </Link>
      <nav aria-label="Main" className="flex flex-col gap-0.5 p-2">
        <Link to="/" activeOptions={{ exact: true }} className={LINK}>
          <Icon>
            <LayoutGrid />
          </Icon>
          Fleet
        </Link>
        {ITEMS.map((item) => (
          <Link
            key={item.to}
            to={item.to}
            params={{ endpointId }}
            // Container pages live under Containers: keep it highlighted there too.
            activeOptions={{ exact: false }}
            className={LINK}
          >
            <Icon>{item.icon}</Icon>
            {item.label}
          </Link>
        ))}
      </nav>
      <SwarmNav endpointId={endpointId} isAdmin={isAdmin} />
      {isAdmin && (
        <nav aria-labelledby="sidebar-admin" className="flex flex-col gap-0.5 px-2 pb-2">
          <h2
            id="sidebar-admin"
            className="px-2.5 pt-3 pb-1 text-[11px] font-semibold tracking-wide text-faint uppercase"
          >
            Administration
          </h2>
          {ADMIN_ITEMS.map((item) => (
            <Link key={item.to} to={item.to} className={LINK}>
              <Icon>{item.icon}</Icon>
              {item.label}
            </Link>
          ))}
        </nav>
      )}
      <div className="mt-auto border-t border-line px-4 py-3 text-[11.5px] text-faint">
        Press <kbd className="rounded border border-line px-1 font-mono">/</kbd> to filter
      </div>
    </aside>
  );
}

/**
 * A Swarm section when the engine is a swarm manager; otherwise one "Swarm" entry to the
 * initialise / join screen (none for engines without swarm mode, like PouchContainer).
 * Plugins (admin only) sit here too: engine extensions, like the swarm.
 */
function SwarmNav({ endpointId, isAdmin }: { endpointId: string; isAdmin: boolean }) {
  const info = useQuery(infoQueryOptions(endpointId));
  const endpoints = useQuery(endpointsQueryOptions());
  const swarm = info.data?.Swarm;
  const manager = swarm?.LocalNodeState === 'active' && swarm.ControlAvailable === true;
  // PouchContainer has neither swarm mode nor managed plugins.
  if (findEndpoint(endpoints.data, endpointId)?.kind === 'pouch') return null;
  if (!swarm && !isAdmin) return null;
  return (
    <nav aria-labelledby="sidebar-swarm" className="flex flex-col gap-0.5 px-2 pb-2">
      <h2
        id="sidebar-swarm"
        className="px-2.5 pt-3 pb-1 text-[11px] font-semibold tracking-wide text-faint uppercase"
      >
        {manager ? 'Swarm' : 'Engine'}
      </h2>
      {manager
        ? SWARM_ITEMS.map((item) => (
            <Link
              key={item.to}
              to={item.to}
              params={{ endpointId }}
              activeOptions={{ exact: item.to === '/endpoints/$endpointId/swarm' }}
              className={LINK}
            >
              <Icon>{item.icon}</Icon>
              {item.label}
            </Link>
          ))
        : swarm && (
            <Link to="/endpoints/$endpointId/swarm" params={{ endpointId }} className={LINK}>
              <Icon>
                <Workflow />
              </Icon>
              Swarm
            </Link>
          )}
      {isAdmin && (
        <Link to="/endpoints/$endpointId/plugins" params={{ endpointId }} className={LINK}>
          <Icon>
            <Puzzle />
          </Icon>
          Plugins
        </Link>
      )}
    </nav>
  );
}
