import type { EndpointSummary, WallLayoutSummary, WallTile } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { WifiOff } from 'lucide-react';
import { useEffect, useState } from 'react';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { useNow } from '@/hooks/use-now';
import { cn } from '@/lib/cn';
import { endpointsQueryOptions } from '@/lib/queries';
import type { WatchState } from '../api/gateway-watch';
import { gridFor, pageAt, TILE_TITLES } from '../api/wall-grid';
import { ChartsTile } from './tiles/charts-tile';
import { ContainersTile } from './tiles/containers-tile';
import { EndpointsTile } from './tiles/endpoints-tile';
import { EventsTile } from './tiles/events-tile';
import { ServicesTile } from './tiles/services-tile';

function Tile({ tile, endpoints }: { tile: WallTile; endpoints: EndpointSummary[] }) {
  const find = (id: string) => endpoints.find((e) => e.id === id);
  switch (tile.type) {
    case 'endpoints':
      return <EndpointsTile endpoints={endpoints} />;
    case 'containers':
      return <ContainersTile endpoint={find(tile.endpoint)} />;
    case 'charts':
      return <ChartsTile endpoint={find(tile.endpoint)} containers={tile.containers} />;
    case 'events':
      return <EventsTile endpoint={tile.endpoint} endpoints={endpoints} />;
    case 'services':
      return <ServicesTile endpoint={find(tile.endpoint)} />;
  }
}

/** A layout on the wall: its pages rotate on the timer; nothing needs a click. */
export function WallScreen({
  layout,
  connection,
}: {
  layout: WallLayoutSummary;
  connection: WatchState;
}) {
  const endpoints = useQuery({ ...endpointsQueryOptions(), refetchInterval: 2_000 });
  const now = useNow(1000);
  const [startedAt] = useState(() => Date.now());
  const pages = layout.config.pages;
  const index = pageAt(now - startedAt, layout.config.rotateSeconds, pages.length);
  const page = pages[index] ?? pages[0];
  const { columns, rows } = gridFor(page?.tiles.length ?? 1);
  const offline = connection === 'reconnecting' || endpoints.isError;

  useEffect(() => {
    document.title = `${layout.name} · Berth wall`;
  }, [layout.name]);

  return (
    <div className="flex h-full flex-col gap-4 p-6" data-page={index}>
      <header className="flex items-center justify-between gap-6">
        <div className="flex min-w-0 items-baseline gap-5">
          <h1 className="truncate text-[34px] font-semibold tracking-tight text-white">
            {page?.title || layout.name}
          </h1>
          {page?.title && <span className="truncate text-[24px] text-zinc-500">{layout.name}</span>}
        </div>
        <div className="flex shrink-0 items-center gap-6">
          {offline && (
            <span
              role="status"
              data-testid="wall-reconnecting"
              className="flex items-center gap-2 rounded-full bg-amber-400 px-4 py-1.5 text-[22px] font-bold text-zinc-950"
            >
              <WifiOff className="size-6" aria-hidden />
              Reconnecting…
            </span>
          )}
          {pages.length > 1 && (
            <span aria-label={`Page ${index + 1} of ${pages.length}`} className="flex gap-2">
              {pages.map((_, i) => (
                <span
                  key={i}
                  aria-hidden
                  className={cn('size-3 rounded-full', i === index ? 'bg-white' : 'bg-zinc-700')}
                />
              ))}
            </span>
          )}
          <time className="text-[34px] font-semibold text-zinc-200 tabular-nums">
            {new Date(now).toLocaleTimeString([], {
              hour: '2-digit',
              minute: '2-digit',
              hour12: false,
            })}
          </time>
        </div>
      </header>
      <div
        className="grid min-h-0 flex-1 gap-4"
        style={{
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
        }}
      >
        {page?.tiles.map((tile, i) => (
          <PanelErrorBoundary key={`${index}-${i}`} title={`${TILE_TITLES[tile.type]} failed`}>
            <Tile tile={tile} endpoints={endpoints.data ?? []} />
          </PanelErrorBoundary>
        ))}
      </div>
    </div>
  );
}
