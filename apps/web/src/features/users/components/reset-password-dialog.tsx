import { passwordProblem } from '@berth/api';
import type { UserSummary } from '@berth/api';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { useFocusFirstInvalid } from '@/hooks/use-focus-first-invalid';
import { PasswordChecklist } from '@/components/ui/password-checklist';
import { useUpdateUser } from '../api/users';

export function ResetPasswordDialog({
  user,
  isSelf,
  onClose,
}: {
  user: UserSummary | null;
  isSelf: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      title={`Set a new password for ${user?.username}`}
      description={
        isSelf
          ? 'Your sessions end at once, this one too: you log in again with the new password.'
          : 'Their sessions end at once; they log in again with the new password.'
      }
    >
      {user && <ResetPasswordForm user={user} onDone={onClose} />}
    </Dialog>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const update = useUpdateUser(user, { inline: true });
  const checklistId = useId();
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();
  const problem = passwordProblem(password, user.username);
  return (
    <form
      ref={formRef}
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (problem) return focusFirstInvalid();
        update.mutate({ password }, { onSuccess: onDone });
      }}
    >
      {update.isError && (
        <InlineAlert title="Could not set the password">{update.error.message}</InlineAlert>
      )}
      <div className="flex flex-col gap-2">
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={password}
          describedBy={checklistId}
          error={submitted ? problem : null}
          onChange={(event) => setPassword(event.target.value)}
        />
        <PasswordChecklist id={checklistId} password={password} username={user.username} />
      </div>
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onDone} disabled={update.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={update.isPending}>
          Set password
        </Button>
      </div>
    </form>
  );
}
