import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { DeployState } from '../api/deploy-progress';
import { DeployProgress } from './deploy-progress';

/** The live progress of a deploy; closable once it ended. */
export function DeployDialog({
  title,
  state,
  onClose,
  onOpenStack,
}: {
  title: string;
  state: DeployState;
  onClose: () => void;
  onOpenStack?: () => void;
}) {
  const running = state.phase === 'running';
  return (
    <Dialog
      open={state.phase !== 'idle'}
      onClose={onClose}
      title={title}
      busy={running}
      className="max-w-2xl"
      footer={
        <>
          <Button onClick={onClose} disabled={running}>
            Done
          </Button>
          {onOpenStack && (
            <Button variant="primary" onClick={onOpenStack} disabled={running}>
              Open stack
            </Button>
          )}
        </>
      }
    >
      <div className="max-h-[60vh] overflow-auto">
        <DeployProgress state={state} />
      </div>
    </Dialog>
  );
}
