import { changeRoleSchema, roleAtLeast } from '@berth/api';
import type { UserSummary } from '@berth/api';
import { Controller, useWatch } from 'react-hook-form';
import { FormDialog, useZodForm } from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { changeRoleMutation } from '../api/users';
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
  if (!user) return null;
  return <ChangeRoleForm user={user} isSelf={isSelf} onClose={onClose} />;
}

function ChangeRoleForm({
  user,
  isSelf,
  onClose,
}: {
  user: UserSummary;
  isSelf: boolean;
  onClose: () => void;
}) {
  const form = useZodForm(changeRoleSchema, { defaultValues: { role: user.role } });
  const role = useWatch({ control: form.control, name: 'role' });
  const lowers = !roleAtLeast(role, user.role);
  return (
    <FormDialog
      title={`Change the role of ${user.username}`}
      onClose={onClose}
      form={form}
      mutation={changeRoleMutation(user)}
      toVariables={(values) => values.role}
      submitLabel="Change role"
      errorTitle="Could not change the role"
    >
      <Controller
        control={form.control}
        name="role"
        render={({ field }) => (
          <RoleSelect label="New role" value={field.value} onChange={field.onChange} />
        )}
      />
      {lowers && (
        <InlineAlert tone="warning">
          {isSelf
            ? 'You lower your own role: you are logged out and log in again with the new role.'
            : `A lower role ends ${user.username}'s sessions; they log in again.`}
        </InlineAlert>
      )}
    </FormDialog>
  );
}
