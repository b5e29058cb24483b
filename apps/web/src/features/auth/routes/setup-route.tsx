import { isEngineError, setupFormSchema, toCredentials } from '@berth/api';
import type { SetupFormValues } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ShieldCheck } from 'lucide-react';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Form, FormTextField, useFormSubmit, useZodForm } from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { PasswordChecklist } from '@/components/ui/password-checklist';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { setupMutation } from '../api/auth-mutations';
import { AuthLayout } from '../components/auth-layout';

export function SetupRoute() {
  useDocumentTitle('Create the admin account');
  const navigate = useNavigate();
  const form = useZodForm(setupFormSchema, {
    defaultValues: { username: 'admin', password: '', confirm: '' },
  });
  const { submit, mutation: setup } = useFormSubmit(
    form,
    setupMutation(useQueryClient()),
    toCredentials,
    () => void navigate({ to: '/', replace: true }),
  );
  const checklistId = useId();
  const [username, password] = form.watch(['username', 'password']);
  const alreadyDone = isEngineError(setup.error) && setup.error.status === 409;

  return (
    <AuthLayout
      title="Create the admin account"
      description="Berth has no users yet. This first account can do everything, including adding other users. Nothing else works until it exists."
    >
      <Form
        form={form}
        aria-label="Create the admin account"
        className="gap-4"
        onSubmit={(event) => void submit(event)}
      >
        {/* Shown here rather than as the form's error: a 409 links to the login page. */}
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
        <FormTextField<SetupFormValues>
          label="User name"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <div className="flex flex-col gap-2">
          <FormTextField<SetupFormValues>
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            autoFocus
            required
            describedBy={checklistId}
          />
          <PasswordChecklist id={checklistId} password={password} username={username.trim()} />
        </div>
        <FormTextField<SetupFormValues>
          label="Confirm password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
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
      </Form>
    </AuthLayout>
  );
}
