import { newPasswordSchema } from '@berth/api';
import type { NewPasswordValues, UserSummary } from '@berth/api';
import { useId, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { FormDialog, FormTextField, useZodForm } from '@/components/ui/form';
import { PasswordChecklist } from '@/components/ui/password-checklist';
import { updateUserMutation } from '../api/users';

export function ResetPasswordDialog({
  user,
  isSelf,
  onClose,
}: {
  user: UserSummary | null;
  isSelf: boolean;
  onClose: () => void;
}) {
  if (!user) return null;
  return <ResetPasswordForm user={user} isSelf={isSelf} onClose={onClose} />;
}

function ResetPasswordForm({
  user,
  isSelf,
  onClose,
}: {
  user: UserSummary;
  isSelf: boolean;
  onClose: () => void;
}) {
  const schema = useMemo(() => newPasswordSchema(user.username), [user.username]);
  const form = useZodForm(schema, { defaultValues: { password: '' } });
  const password = useWatch({ control: form.control, name: 'password' });
  const checklistId = useId();
  return (
    <FormDialog
      title={`Set a new password for ${user.username}`}
      description={
        isSelf
          ? 'Your sessions end at once, this one too: you log in again with the new password.'
          : 'Their sessions end at once; they log in again with the new password.'
      }
      onClose={onClose}
      form={form}
      mutation={updateUserMutation(user)}
      toVariables={(values) => ({ password: values.password })}
      submitLabel="Set password"
      errorTitle="Could not set the password"
    >
      <div className="flex flex-col gap-2">
        <FormTextField<NewPasswordValues>
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          describedBy={checklistId}
        />
        <PasswordChecklist id={checklistId} password={password} username={user.username} />
      </div>
    </FormDialog>
  );
}
