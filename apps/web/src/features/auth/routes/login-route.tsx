import { credentialsSchema, isEngineError, toCredentials } from '@berth/api';
import type { z } from 'zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { KeyRound, LogIn } from 'lucide-react';
import { Button, buttonClasses } from '@/components/ui/button';
import { Form, FormTextField, useFormSubmit, useZodForm } from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { cn } from '@/lib/cn';
import { loginMutation } from '../api/auth-mutations';
import { loginMethodsQueryOptions, oidcStartHref } from '../api/login-methods';
import { safeNext } from '../api/next-location';
import { AuthLayout } from '../components/auth-layout';

const route = getRouteApi('/login');
type Values = z.input<typeof credentialsSchema>;

function errorTitle(error: unknown): string {
  if (isEngineError(error) && error.status === 429) return 'Too many failed logins';
  if (isEngineError(error) && error.status === 403) return 'Password login refused';
  return 'Could not log in';
}

export function LoginRoute() {
  useDocumentTitle('Log in');
  const { next, reason, signin } = route.useSearch();
  const navigate = useNavigate();
  // The gateway parses the login body with the same schema (credentialsSchema).
  const form = useZodForm(credentialsSchema, { defaultValues: { username: '', password: '' } });
  const { submit, mutation: login } = useFormSubmit(
    form,
    loginMutation(useQueryClient()),
    toCredentials,
    () => void navigate({ href: safeNext(next), replace: true }),
  );
  const [username, password] = form.watch(['username', 'password']);
  const methods = useQuery(loginMethodsQueryOptions());
  const oidc = methods.data?.oidc ?? null;
  // With password login off, the form stays reachable for the break-glass admin, folded away.
  const passwordFolded = methods.data?.local === false;

  const passwordForm = (
    <Form
      form={form}
      className="gap-4"
      aria-label="Log in"
      onSubmit={(event) => void submit(event)}
    >
      {reason === 'expired' && !login.isError && (
        <InlineAlert tone="info">Your session ended. Log in again to carry on.</InlineAlert>
      )}
      {/* Shown here rather than as the form's error: its title says why (rate limit, disabled). */}
      {login.isError && (
        <InlineAlert title={errorTitle(login.error)}>{login.error.message}</InlineAlert>
      )}
      <FormTextField<Values>
        label="User name"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        required
      />
      <FormTextField<Values>
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Button
        type="submit"
        variant="primary"
        loading={login.isPending}
        disabled={!username.trim() || !password}
        icon={<LogIn className="size-3.5" aria-hidden />}
        className="mt-1 w-full"
      >
        Log in
      </Button>
    </Form>
  );

  return (
    <AuthLayout
      title="Log in"
      description={next ? 'Log in to continue where you were.' : 'Log in to manage your engines.'}
    >
      {signin && (
        // The gateway's words for a refused sign-in (rendered as text, never as markup).
        <div className="mb-4">
          <InlineAlert title="Single sign-on refused">{signin}</InlineAlert>
        </div>
      )}
      {oidc && (
        <div className="mb-5 flex flex-col gap-3">
          {/* A plain link: the sign-in is a top-level navigation to the provider and back. */}
          <a
            href={oidcStartHref(safeNext(next))}
            className={cn(buttonClasses(passwordFolded ? 'primary' : 'secondary'), 'w-full')}
          >
            <KeyRound className="size-3.5" aria-hidden />
            Sign in with {oidc.name}
          </a>
          {!passwordFolded && (
            <p className="text-center text-[12px] text-faint" aria-hidden>
              or with a Berth password
            </p>
          )}
        </div>
      )}
      {passwordFolded ? (
        <details className="text-[13px]">
          <summary className="cursor-pointer text-muted">Break-glass admin login</summary>
          <div className="mt-3">{passwordForm}</div>
        </details>
      ) : (
        passwordForm
      )}
      {!passwordFolded && (
        <p className="mt-5 text-[12px] text-faint">
          Forgot your password? An admin can set a new one on the Users page.
        </p>
      )}
    </AuthLayout>
  );
}
