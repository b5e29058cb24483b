import type { TokenSummary } from '@berth/api';
import { Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useRevokeToken } from '../api/tokens';

export function RevokeTokenDialog({
  token,
  onClose,
}: {
  token: TokenSummary | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={token !== null}
      onClose={onClose}
      role="alertdialog"
      title={`Revoke ${token?.name}?`}
      description="Anything using this token is refused from now on. This cannot be undone."
    >
      {token && <RevokeButtons token={token} onDone={onClose} />}
    </Dialog>
  );
}

function RevokeButtons({ token, onDone }: { token: TokenSummary; onDone: () => void }) {
  const revoke = useRevokeToken(token);
  return (
    <div className="flex justify-end gap-2">
      <Button onClick={onDone} disabled={revoke.isPending} data-autofocus>
        Cancel
      </Button>
      <Button
        variant="danger"
        loading={revoke.isPending}
        icon={<Trash2 className="size-3.5" aria-hidden />}
        onClick={() => revoke.mutate(undefined, { onSettled: onDone })}
      >
        Revoke token
      </Button>
    </div>
  );
}
