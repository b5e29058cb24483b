import { RadioTower } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { LiveStatus } from '@/lib/live/live-endpoint';

/** Shown only after this long: a blip (a gateway reload) should not flash a bar. */
const GRACE_MS = 1500;

/**
 * Says when live updates stopped (the events socket is reconnecting). The engine itself being
 * down is the engine banner's to say; the gateway being gone too.
 */
export function LiveStatusBar({ status, hidden }: { status: LiveStatus; hidden: boolean }) {
  const reconnecting = status.socket === 'reconnecting';
  const [shown, setShown] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!reconnecting) {
      const reset = setTimeout(() => setShown(false), 0);
      return () => clearTimeout(reset);
    }
    const timer = setTimeout(() => setShown(true), GRACE_MS);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [reconnecting]);

  if (!reconnecting || !shown || hidden) return null;
  const seconds = status.retryAt ? Math.max(0, Math.ceil((status.retryAt - now) / 1000)) : 0;
  return (
    <div
      role="status"
      className="flex items-center gap-2 border-b border-amber-500/25 bg-amber-500/10 px-5 py-1.5 text-[12.5px] text-amber-800 dark:text-amber-300"
    >
      <RadioTower className="size-4 shrink-0" aria-hidden />
      <span>
        <strong className="font-semibold">Live updates paused.</strong> Lost the connection to the
        gateway’s event stream; {seconds > 0 ? `reconnecting in ${seconds} s.` : 'reconnecting…'}{' '}
        Lists may be out of date until then.
      </span>
    </div>
  );
}
