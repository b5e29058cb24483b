import type { ContainerRow, EndpointSummary } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { Search } from 'lucide-react';
import { useRef } from 'react';
import { TextInput } from '@/components/ui/input';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useSlashFocus } from '@/hooks/use-slash-focus';
import { cn } from '@/lib/cn';
import { useFleetContainers } from '@/lib/fleet-containers';

const LIMIT = 50;

export interface FleetMatch {
  endpoint: EndpointSummary;
  row: ContainerRow;
}

/** Containers of every endpoint whose name, id or image contains the text (names first). */
export function searchFleet(
  lists: Array<{ endpoint: EndpointSummary; rows: readonly ContainerRow[] | undefined }>,
  text: string,
): FleetMatch[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const byName: FleetMatch[] = [];
  const other: FleetMatch[] = [];
  for (const { endpoint, rows } of lists) {
    for (const row of rows ?? []) {
      if (row.name.toLowerCase().includes(needle)) byName.push({ endpoint, row });
      else if (row.id.startsWith(needle) || row.image.toLowerCase().includes(needle))
        other.push({ endpoint, row });
    }
  }
  return [...byName, ...other];
}

const FOUND_COLUMNS: Column<FleetMatch>[] = [
  {
    key: 'container',
    header: 'Container',
    cell: ({ endpoint, row }) => (
      <Link
        to="/endpoints/$endpointId/containers/$containerId"
        params={{ endpointId: endpoint.id, containerId: row.id }}
        className="font-mono text-[12.5px] font-medium text-fg hover:text-accent-text hover:underline"
      >
        {row.name}
      </Link>
    ),
  },
  {
    key: 'endpoint',
    header: 'Endpoint',
    cellClassName: 'text-muted',
    cell: ({ endpoint }) => endpoint.name,
  },
  {
    key: 'image',
    header: 'Image',
    cellClassName: 'max-w-[280px] truncate font-mono text-[12px] text-muted',
    cell: ({ row }) => row.image,
  },
  {
    key: 'state',
    header: 'State',
    cell: ({ row }) => (
      <span
        className={cn(
          'text-[12.5px]',
          row.state === 'running'
            ? 'text-emerald-700 dark:text-emerald-400'
            : row.state === 'restarting' || row.health === 'unhealthy'
              ? 'text-amber-700 dark:text-amber-400'
              : 'text-muted',
        )}
      >
        {row.state}
        {row.health && ` · ${row.health}`}
      </span>
    ),
  },
];

/** One search box over the containers of every endpoint the user can see. */
export function FleetSearch({
  endpoints,
  value,
  onChange,
}: {
  endpoints: EndpointSummary[];
  value: string;
  onChange: (value: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useSlashFocus(input);
  const up = endpoints.filter((e) => e.status === 'up');
  // From each endpoint's live model: no list call per endpoint, and none again on its events.
  const lists = useFleetContainers(up.map((e) => e.id));
  // Plain filtering over the models' rows: cheap next to rendering, and typing stays instant.
  const matches = searchFleet(
    up.map((endpoint, i) => ({ endpoint, rows: lists[i] })),
    value,
  );
  const searching = value.trim().length > 0;
  return (
    <div className="flex flex-col gap-2">
      <div className="relative">
        <Search
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-faint"
          aria-hidden
        />
        <TextInput
          ref={input}
          type="search"
          aria-label="Find a container on every endpoint"
          placeholder="Find a container on every endpoint (name, id or image)"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className="h-10 w-full pl-9 text-[14px]"
        />
      </div>
      {searching && (
        <div className="overflow-hidden rounded-lg border border-line bg-panel">
          {matches.length === 0 ? (
            <p className="px-4 py-6 text-center text-[13px] text-muted">
              No container on {up.length === 1 ? 'the endpoint' : `the ${up.length} endpoints`}{' '}
              matches “{value.trim()}”.
            </p>
          ) : (
            <SimpleTable
              label="Containers found"
              density="compact"
              columns={FOUND_COLUMNS}
              rows={matches.slice(0, LIMIT)}
              rowKey={({ endpoint, row }) => `${endpoint.id}/${row.id}`}
            />
          )}
          {matches.length > LIMIT && (
            <p className="border-t border-line px-4 py-2 text-[12px] text-muted">
              Showing {LIMIT} of {matches.length}; type more to narrow it down.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
