import type { Role, UserSummary } from '@berth/api';
import { roleAtLeast } from '@berth/api';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineAlert } from '@/components/ui/inline-alert';
import { useUpdateUser } from '../api/users';
import { RoleSelect } from './role-select';

export function ChangeRoleDialog({
  user,
  isSelf,
  onClose,
}: {
  user: UserSummary | null;
  isSelf: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog open={user !== null} onClose={onClose} title={`Change the role of ${user?.username}`}>
      {user && <ChangeRoleForm user={user} isSelf={isSelf} onDone={onClose} />}
    </Dialog>
  );
}

function ChangeRoleForm({
  user,
  isSelf,
  onDone,
}: {
  user: UserSummary;
  isSelf: boolean;
  onDone: () => void;
}) {
  const [role, setRole] = useState<Role>(user.role);
  const update = useUpdateUser(user, { inline: true });
  const lowers = !roleAtLeast(role, user.role);
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (role === user.role) return onDone();
        update.mutate({ role }, { onSuccess: onDone });
      }}
    >
      {update.isError && (
        <InlineAlert title="Could not change the role">{update.error.message}</InlineAlert>
      )}
      <RoleSelect label="New role" value={role} onChange={setRole} />
      {lowers && (
        <InlineAlert tone="warning">
          {isSelf
            ? 'You lower your own role: you are logged out and log in again with the new role.'
            : `A lower role ends ${user.username}'s sessions; they log in again.`}
        </InlineAlert>
      )}
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onDone} disabled={update.isPending}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="primary"
          loading={update.isPending}
          disabled={role === user.role}
        >
          Change role
        </Button>
      </div>
    </form>
  );
}
