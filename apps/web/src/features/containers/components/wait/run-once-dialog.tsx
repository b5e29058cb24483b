import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { useWaitForExit } from '../../api/wait-for-exit';
import { ExitCode } from './exit-code';

/**
 * A one-shot run from the create form: the container was created and started; this waits for it
 * to exit (ContainerWait) and shows the exit code. Closing the dialog stops waiting only; the
 * container runs on and its page has the output.
 */
export function RunOnceDialog({
  endpointId,
  containerId,
  name,
  onClose,
}: {
  endpointId: string;
  containerId: string;
  name: string;
  onClose: () => void;
}) {
  const { mutation } = useWaitForExit(endpointId, containerId);
  const { mutate } = mutation;
  useEffect(() => mutate(undefined), [mutate]);
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Run once: ${name}`}
      footer={
        <>
          <Link
            to="/endpoints/$endpointId/containers/$containerId"
            params={{ endpointId, containerId }}
            search={{ tab: 'logs' }}
            className={buttonClasses('secondary', 'md')}
          >
            Open its logs
          </Link>
          <Button variant="primary" onClick={onClose}>
            {mutation.isPending ? 'Stop waiting' : 'Close'}
          </Button>
        </>
      }
    >
      {mutation.isPending && (
        <p role="status" className="flex items-center gap-2 text-[13px] text-muted">
          <Spinner />
          Running; waiting for it to exit…
        </p>
      )}
      {mutation.data && <ExitCode result={mutation.data} />}
      {mutation.isError && (
        <p role="alert" className="text-[13px] text-danger">
          Waiting failed: {mutation.error.message}
        </p>
      )}
    </Dialog>
  );
}
