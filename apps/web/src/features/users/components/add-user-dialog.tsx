import { newUserSchema } from '@berth/api';
import type { Role } from '@berth/api';
import { UserPlus } from 'lucide-react';
import { useId } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { FormDialog, FormTextField, useZodForm } from '@/components/ui/form';
import { PasswordChecklist } from '@/components/ui/password-checklist';
import { createUserMutation } from '../api/users';
import { RoleSelect } from './role-select';

export function AddUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  if (!open) return null;
  return <AddUserForm onClose={onClose} />;
}

function AddUserForm({ onClose }: { onClose: () => void }) {
  const form = useZodForm(newUserSchema, {
    defaultValues: { username: '', password: '', role: 'viewer' as Role },
  });
  const [username, password] = useWatch({ control: form.control, name: ['username', 'password'] });
  const checklistId = useId();
  return (
    <FormDialog
      title="Add user"
      description="They log in with this name and password; tell them the password another way."
      onClose={onClose}
      form={form}
      mutation={createUserMutation()}
      toVariables={(values) => values}
      submitLabel="Add user"
      submitIcon={<UserPlus className="size-3.5" aria-hidden />}
      errorTitle="Could not add the user"
    >
      <FormTextField
        name="username"
        label="User name"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
      />
      <div className="flex flex-col gap-2">
        <FormTextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          describedBy={checklistId}
        />
        <PasswordChecklist id={checklistId} password={password} username={username.trim()} />
      </div>
      <Controller
        control={form.control}
        name="role"
        render={({ field }) => <RoleSelect value={field.value} onChange={field.onChange} />}
      />
    </FormDialog>
  );
}
