import { Hourglass } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useWaitForExit } from '../../api/wait-for-exit';
import { ExitCode } from './exit-code';

/**
 * "Wait for exit" on the container page: holds a ContainerWait open until the main process ends
 * and shows the exit code. Leaving the page or "Stop waiting" closes the call; the container is
 * not touched.
 */
export function WaitForExit({
  endpointId,
  containerId,
  running,
}: {
  endpointId: string;
  containerId: string;
  /** Offered while the container runs; the last answer stays shown after it stopped. */
  running: boolean;
}) {
  const { mutation, cancel } = useWaitForExit(endpointId, containerId);
  if (mutation.isPending) {
    return (
      <span role="status" className="flex items-center gap-2 text-[12.5px] text-muted">
        <Spinner />
        Waiting for the container to exit…
        <Button size="sm" variant="ghost" onClick={cancel}>
          Stop waiting
        </Button>
      </span>
    );
  }
  if (!running && !mutation.data && !mutation.isError) return null;
  return (
    <span className="flex items-center gap-2">
      {running && (
        <Button
          size="sm"
          icon={<Hourglass className="size-3.5" aria-hidden />}
          onClick={() => mutation.mutate(undefined)}
        >
          Wait for exit
        </Button>
      )}
      {mutation.data && <ExitCode result={mutation.data} />}
      {mutation.isError && (
        <span role="alert" className="text-[12.5px] text-danger">
          Waiting failed: {mutation.error.message}
        </span>
      )}
    </span>
  );
}
