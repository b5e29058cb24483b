import { isEngineError, passwordProblem, usernameProblem } from '@berth/api';
import { Link, useNavigate } from '@tanstack/react-router';
import { ShieldCheck } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { PasswordChecklist } from '@/components/ui/password-checklist';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFocusFirstInvalid } from '@/hooks/use-focus-first-invalid';
import { useSetup } from '../api/auth-mutations';
import { AuthLayout } from '../components/auth-layout';

export function SetupRoute() {
  useDocumentTitle('Create the admin account');
  const navigate = useNavigate();
  const setup = useSetup();
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const checklistId = useId();
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();

  const nameError = usernameProblem(username.trim());
  const passwordError = passwordProblem(password, username.trim());
  const confirmError = confirm !== password ? 'The passwords do not match.' : null;
  const alreadyDone = isEngineError(setup.error) && setup.error.status === 409;

  return (
    <AuthLayout
      title="Create the admin account"
      description="Berth has no users yet. This first account can do everything, including adding other users. Nothing else works until it exists."
    >
      <form
        ref={formRef}
        noValidate
        aria-label="Create the admin account"
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (nameError || passwordError || confirmError) return focusFirstInvalid();
          setup.mutate(
            { username: username.trim(), password },
            { onSuccess: () => void navigate({ to: '/', replace: true }) },
          );
        }}
      >
        {setup.isError && (
          <InlineAlert title="Could not create the account">
            {setup.error.message}{' '}
            {alreadyDone && (
              <Link to="/login" className="font-medium underline">
                Go to the login page
              </Link>
            )}
          </InlineAlert>
        )}
        <TextField
          label="User name"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          error={submitted || username ? nameError : null}
          onChange={(event) => setUsername(event.target.value)}
        />
        <div className="flex flex-col gap-2">
          <TextField
            label="Password"
            name="new-password"
            type="password"
            autoComplete="new-password"
            autoFocus
            required
            value={password}
            describedBy={checklistId}
            error={submitted ? passwordError : null}
            onChange={(event) => setPassword(event.target.value)}
          />
          <PasswordChecklist id={checklistId} password={password} username={username.trim()} />
        </div>
        <TextField
          label="Confirm password"
          name="confirm-password"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          error={submitted || (confirm && confirm.length >= password.length) ? confirmError : null}
          onChange={(event) => setConfirm(event.target.value)}
        />
        <Button
          type="submit"
          variant="primary"
          loading={setup.isPending}
          icon={<ShieldCheck className="size-3.5" aria-hidden />}
          className="mt-1 w-full"
        >
          Create admin account
        </Button>
      </form>
    </AuthLayout>
  );
}
