import { passwordProblem, usernameProblem } from '@berth/api';
import type { Role } from '@berth/api';
import { UserPlus } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { useFocusFirstInvalid } from '@/hooks/use-focus-first-invalid';
import { PasswordChecklist } from '@/components/ui/password-checklist';
import { useCreateUser } from '../api/users';
import { RoleSelect } from './role-select';

export function AddUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Add user"
      description="They log in with this name and password; tell them the password another way."
    >
      <AddUserForm onDone={onClose} />
    </Dialog>
  );
}

function AddUserForm({ onDone }: { onDone: () => void }) {
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [submitted, setSubmitted] = useState(false);
  const checklistId = useId();
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();
  const name = username.trim();
  const nameError = usernameProblem(name);
  const passwordError = passwordProblem(password, name);

  return (
    <form
      ref={formRef}
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (nameError || passwordError) return focusFirstInvalid();
        create.mutate({ username: name, password, role }, { onSuccess: onDone });
      }}
    >
      {create.isError && (
        <InlineAlert title="Could not add the user">{create.error.message}</InlineAlert>
      )}
      <TextField
        label="User name"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        error={submitted || username ? nameError : null}
        onChange={(event) => setUsername(event.target.value)}
      />
      <div className="flex flex-col gap-2">
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          value={password}
          describedBy={checklistId}
          error={submitted ? passwordError : null}
          onChange={(event) => setPassword(event.target.value)}
        />
        <PasswordChecklist id={checklistId} password={password} username={name} />
      </div>
      <RoleSelect value={role} onChange={setRole} />
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onDone} disabled={create.isPending}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="primary"
          loading={create.isPending}
          icon={<UserPlus className="size-3.5" aria-hidden />}
        >
          Add user
        </Button>
      </div>
    </form>
  );
}
