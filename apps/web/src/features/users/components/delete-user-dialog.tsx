import type { UserSummary } from '@berth/api';
import { Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useDeleteUser } from '../api/users';

export function DeleteUserDialog({
  user,
  onClose,
}: {
  user: UserSummary | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      role="alertdialog"
      title={`Delete ${user?.username}?`}
      description="Their sessions and API tokens end with the account. The audit log keeps their name. To keep the account but stop its use, disable it instead."
    >
      {user && <DeleteUserButtons user={user} onDone={onClose} />}
    </Dialog>
  );
}

function DeleteUserButtons({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const remove = useDeleteUser(user);
  return (
    <div className="flex justify-end gap-2 pb-0">
      <Button onClick={onDone} disabled={remove.isPending} data-autofocus>
        Cancel
      </Button>
      <Button
        variant="danger"
        loading={remove.isPending}
        icon={<Trash2 className="size-3.5" aria-hidden />}
        onClick={() => remove.mutate(undefined, { onSettled: onDone })}
      >
        Delete user
      </Button>
    </div>
  );
}
