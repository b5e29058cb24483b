import { appUrl } from '@/lib/base-path';
import { isEngineError } from '@berth/api';
import { useEffect, useState } from 'react';
import { pairingState, startPairing } from '../api/wall-api';
import type { Pairing } from '../api/wall-api';

type View =
  { kind: 'asking' } | { kind: 'code'; pairing: Pairing } | { kind: 'offline'; retryInS: number };

const POLL_MS = 2000;

/**
 * What an unpaired wall shows: a short code an admin approves from their own session. No
 * password is typed on the TV; approval gives this screen a viewer session bound to a layout.
 */
export function PairingScreen({ onPaired }: { onPaired: (layoutId: number | null) => void }) {
  const [view, setView] = useState<View>({ kind: 'asking' });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    const later = (run: () => void, ms: number) => {
      if (!stopped) timer = setTimeout(run, ms);
    };
    const offline = (run: () => void) => {
      const wait = Math.min(30, 2 ** Math.min(failures, 5));
      failures++;
      setView({ kind: 'offline', retryInS: wait });
      later(run, wait * 1000);
    };

    const ask = async () => {
      try {
        const pairing = await startPairing();
        if (stopped) return;
        failures = 0;
        setView({ kind: 'code', pairing });
        later(() => void poll(pairing), POLL_MS);
      } catch {
        if (!stopped) offline(() => void ask());
      }
    };
    const poll = async (pairing: Pairing) => {
      try {
        const state = await pairingState(pairing.secret);
        if (stopped) return;
        failures = 0;
        if (state.status === 'approved') return onPaired(state.layoutId);
        setView({ kind: 'code', pairing });
        later(() => void poll(pairing), POLL_MS);
      } catch (error) {
        if (stopped) return;
        // Expired (10 minutes): just show a fresh code.
        if (isEngineError(error) && error.status === 404) return void ask();
        offline(() => void poll(pairing));
      }
    };
    void ask();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [onPaired]);

  return (
    <main className="flex h-full flex-col items-center justify-center gap-10 px-10 text-center">
      <div className="flex items-center gap-4">
        <img src={appUrl('/favicon.svg')} alt="" className="size-14" />
        <span className="text-[44px] font-semibold tracking-tight text-zinc-100">Berth wall</span>
      </div>
      {view.kind === 'code' ? (
        <>
          <p className="max-w-4xl text-[30px] leading-snug text-zinc-300">
            To show a wall layout here, an admin opens{' '}
            <span className="font-semibold text-zinc-100">Administration › Wall</span> in Berth and
            enters this code:
          </p>
          <p
            aria-label="Pairing code"
            data-testid="pairing-code"
            className="rounded-3xl border-2 border-zinc-700 bg-zinc-900 px-14 py-8 font-mono text-[120px] leading-none font-bold tracking-[0.25em] indent-[0.25em] text-white"
          >
            {view.pairing.code}
          </p>
          <p className="text-[24px] text-zinc-500">
            The code changes every 10 minutes. No password is needed on this screen.
          </p>
        </>
      ) : view.kind === 'offline' ? (
        <p role="status" className="text-[32px] text-amber-300">
          Cannot reach the Berth gateway. Trying again in {view.retryInS} s…
        </p>
      ) : (
        <p role="status" className="text-[32px] text-zinc-400">
          Asking the gateway for a pairing code…
        </p>
      )}
    </main>
  );
}
