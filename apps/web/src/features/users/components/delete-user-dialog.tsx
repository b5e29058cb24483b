import { gatewayKeys } from '@berth/api';
import type { UserSummary } from '@berth/api';
import { Trash2 } from 'lucide-react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { gateway } from '@/lib/api-client';

export function DeleteUserDialog({
  user,
  onClose,
}: {
  user: UserSummary | null;
  onClose: () => void;
}) {
  if (!user) return null;
  return (
    <ConfirmDialog
      title={`Delete ${user.username}?`}
      description="Their sessions and API tokens end with the account. The audit log keeps their name. To keep the account but stop its use, disable it instead."
      confirm="Delete user"
      confirmIcon={<Trash2 className="size-3.5" aria-hidden />}
      action={() => gateway.deleteUser(user.id)}
      invalidates={[gatewayKeys.users()]}
      errorTitle={`Could not delete ${user.username}`}
      onClose={onClose}
    />
  );
}
