import { isEngineError } from '@berth/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { meQueryOptions } from '@/lib/queries';
import { GatewayWatch } from '../api/gateway-watch';
import type { WatchState } from '../api/gateway-watch';
import { getHealth, layoutsQueryOptions } from '../api/wall-api';
import { PairingScreen } from '../components/pairing-screen';
import { WallScreen } from '../components/wall-screen';

/** The wall is dark whatever the theme: high contrast, readable across a room. */
function useForcedDark() {
  useLayoutEffect(() => {
    const html = document.documentElement;
    const had = html.classList.contains('dark');
    html.classList.add('dark');
    return () => {
      if (!had) html.classList.remove('dark');
    };
  }, []);
}

/** Asks the gateway's health now and then; reloads the page when its version changes. */
function useGatewayWatch(): WatchState {
  const [state, setState] = useState<WatchState>('online');
  useEffect(() => {
    const watch = new GatewayWatch({
      getVersion: async () => (await getHealth()).version,
      reload: () => window.location.reload(),
      onState: setState,
    });
    watch.start();
    return () => watch.stop();
  }, []);
  return state;
}

/** `/wall`: a full-screen layout for a TV, or the pairing code when this screen has no session. */
export function WallRoute() {
  useForcedDark();
  const queryClient = useQueryClient();
  const search = useSearch({ from: '/wall' });
  const connection = useGatewayWatch();
  const me = useQuery({ ...meQueryOptions(), retry: true, retryDelay: 5000 });
  const [pairedLayout, setPairedLayout] = useState<number | null>(null);

  const onPaired = useCallback(
    (layoutId: number | null) => {
      setPairedLayout(layoutId);
      void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    },
    [queryClient],
  );

  return (
    <div className="h-screen overflow-hidden bg-zinc-950 font-sans text-zinc-100 antialiased">
      {me.data === undefined ? (
        <Splash text={me.isError ? 'Cannot reach the Berth gateway; retrying…' : 'Starting…'} />
      ) : me.data === null ? (
        <PairingScreen onPaired={onPaired} />
      ) : (
        <Layout wanted={search.layout ?? pairedLayout ?? undefined} connection={connection} />
      )}
    </div>
  );
}

function Layout({ wanted, connection }: { wanted: number | undefined; connection: WatchState }) {
  const layouts = useQuery({ ...layoutsQueryOptions(), refetchInterval: 60_000, retry: true });
  if (!layouts.data) {
    return (
      <Splash
        text={
          layouts.isError && !(isEngineError(layouts.error) && layouts.error.status === 401)
            ? 'Cannot load the wall layout; retrying…'
            : 'Loading the wall layout…'
        }
      />
    );
  }
  const layout = layouts.data.find((l) => l.id === wanted) ?? layouts.data[0];
  if (!layout) {
    return <Splash text="No wall layouts yet. An admin creates one under Administration › Wall." />;
  }
  return <WallScreen layout={layout} connection={connection} />;
}

function Splash({ text }: { text: string }) {
  return (
    <main className="flex h-full items-center justify-center px-10">
      <p role="status" className="max-w-4xl text-center text-[34px] text-zinc-300">
        {text}
      </p>
    </main>
  );
}
