import { Link } from '@tanstack/react-router';
import {
  Activity,
  Box,
  Gauge,
  HardDrive,
  KeyRound,
  Layers,
  LayoutDashboard,
  LayoutGrid,
  MonitorPlay,
  Network,
  ScrollText,
  Server,
  ServerCog,
  ShieldCheck,
  Users,
} from 'lucide-react';
import type { ReactNode } from 'react';

type EngineTo =
  | '/endpoints/$endpointId/dashboard'
  | '/endpoints/$endpointId/containers'
  | '/endpoints/$endpointId/images'
  | '/endpoints/$endpointId/registries'
  | '/endpoints/$endpointId/networks'
  | '/endpoints/$endpointId/volumes'
  | '/endpoints/$endpointId/events'
  | '/endpoints/$endpointId/stats'
  | '/endpoints/$endpointId/system';

type AdminTo =
  '/admin/users' | '/admin/endpoints' | '/admin/wall' | '/admin/audit' | '/admin/security';

const ITEMS: Array<{ to: EngineTo; label: string; icon: ReactNode }> = [
  { to: '/endpoints/$endpointId/dashboard', label: 'Dashboard', icon: <LayoutDashboard /> },
  { to: '/endpoints/$endpointId/containers', label: 'Containers', icon: <Box /> },
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
        <img src="/favicon.svg" alt="" className="size-6" />
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
