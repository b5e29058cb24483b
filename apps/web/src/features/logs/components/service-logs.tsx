import { useMemo, useState } from 'react';
import type { LogRange } from '../api/log-session';
import { useLogPrefs } from '../hooks/use-log-prefs';
import { useLogSession } from '../hooks/use-log-session';
import { LogViewer } from './log-viewer';
import { RangeControls } from './range-controls';

/** A swarm service's (or one task's) logs, all its tasks merged by the engine, live. */
export function ServiceLogs({
  endpointId,
  id,
  name,
  kind = 'service',
}: {
  endpointId: string;
  id: string;
  name: string;
  kind?: 'service' | 'task';
}) {
  const [prefs, setPrefs] = useLogPrefs();
  const [range, setRange] = useState<LogRange>({ tail: 1000 });
  const sources = useMemo(() => [{ id, name, kind }], [id, name, kind]);
  const session = useLogSession(endpointId, sources, range, prefs.capacity);
  return (
    <LogViewer
      session={session}
      prefs={prefs}
      onPrefs={setPrefs}
      downloadName={name}
      label={`Logs of ${name}`}
      controls={
        <RangeControls
          key={`${range.tail}|${range.since}|${range.until}|${prefs.capacity}`}
          range={range}
          capacity={prefs.capacity}
          onApply={(next, capacity) => {
            setRange(next);
            setPrefs({ capacity });
          }}
        />
      }
    />
  );
}
