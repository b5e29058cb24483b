import { containerName } from '@berth/api';
import type { ContainerInspect } from '@berth/api';
import { useEffect, useMemo, useState } from 'react';
import { useCapabilities } from '@/hooks/use-capabilities';
import type { LogRange } from '../api/log-session';
import { useLogPrefs } from '../hooks/use-log-prefs';
import { useLogSession } from '../hooks/use-log-session';
import { LogViewer } from './log-viewer';
import { RangeControls } from './range-controls';

/** A container's Logs tab. */
export function ContainerLogs({
  endpointId,
  inspect,
}: {
  endpointId: string;
  inspect: ContainerInspect;
}) {
  const name = containerName([inspect.Name], inspect.Id);
  const [prefs, setPrefs] = useLogPrefs();
  const [range, setRange] = useState<LogRange>({ tail: 'all' });
  const sources = useMemo(() => [{ id: inspect.Id, name }], [inspect.Id, name]);
  // PouchContainer (API 1.24) has no `until` for logs in what was recorded of it, so no exact
  // seam to read older lines up to: it reads the whole log in one stream, as before.
  const { kind } = useCapabilities(endpointId);
  const session = useLogSession(endpointId, sources, range, prefs.capacity, kind !== 'pouch');

  // The stream ends when the container stops; when it starts again, carry on from the last line.
  const startedAt = inspect.State.StartedAt;
  const running = inspect.State.Running;
  useEffect(() => {
    if (running && range.until === undefined) session.resume(0);
  }, [session, startedAt, running, range.until]);

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
