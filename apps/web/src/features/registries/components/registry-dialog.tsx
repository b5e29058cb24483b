import type { RegistryInput, RegistrySummary } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { createRegistry, registryKeys, updateRegistry } from '../api/registries-api';

type Errors = Partial<Record<keyof RegistryInput, string>>;

/** Add a registry, or edit one (the password is write-only: blank keeps the stored one). */
export function RegistryDialog({
  existing,
  onClose,
}: {
  existing: RegistrySummary | null;
  onClose: () => void;
}) {
  const [form, setForm] = useState<RegistryInput>({
    name: existing?.name ?? '',
    server: existing?.server ?? '',
    username: existing?.username ?? '',
    password: '',
    viewers: existing?.viewers ?? false,
  });
  const [errors, setErrors] = useState<Errors>({});
  const mutation = useMutation({
    mutationFn: (input: RegistryInput) =>
      existing
        ? updateRegistry(existing.id, {
            name: input.name,
            server: input.server,
            username: input.username,
            viewers: input.viewers,
            ...(input.password ? { password: input.password } : {}),
          })
        : createRegistry(input),
    meta: { toastOnError: false, invalidates: [registryKeys.all()] },
    onSuccess: onClose,
  });
  const set = (key: 'name' | 'server' | 'username' | 'password', value: string) =>
    setForm((current) => ({ ...current, [key]: value }));

  function submit() {
    const next: Errors = {};
    if (!form.name.trim()) next.name = 'Give it a name.';
    if (!form.server.trim()) next.server = 'Enter the registry address, e.g. registry.example.com.';
    if (!form.username) next.username = 'Enter the user name.';
    if (!existing && !form.password) next.password = 'Enter the password or access token.';
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate(form);
  }

  const title = existing ? `Edit ${existing.name}` : 'Add registry';
  return (
    <Dialog open onClose={onClose} busy={mutation.isPending} title={title}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        className="flex flex-col gap-3"
      >
        <TextField
          label="Name"
          value={form.name}
          error={errors.name}
          onChange={(event) => set('name', event.target.value)}
        />
        <TextField
          label="Server"
          placeholder="registry.example.com or 127.0.0.1:5000"
          value={form.server}
          error={errors.server}
          spellCheck={false}
          onChange={(event) => set('server', event.target.value)}
        />
        <TextField
          label="User name"
          autoComplete="off"
          value={form.username}
          error={errors.username}
          onChange={(event) => set('username', event.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          error={errors.password}
          hint={
            existing
              ? 'Leave blank to keep the stored password. It is never shown again.'
              : 'Stored encrypted in the gateway; it never comes back to the browser.'
          }
          onChange={(event) => set('password', event.target.value)}
        />
        <CheckboxField
          label="Viewers may use these credentials"
          hint="For registry checks and searches. Operators always may; the credentials still go to this registry alone."
          checked={form.viewers ?? false}
          onChange={(event) =>
            setForm((current) => ({ ...current, viewers: event.target.checked }))
          }
        />
        {mutation.isError && <InlineAlert title="Not saved">{mutation.error.message}</InlineAlert>}
        <div className="flex justify-end gap-2 pt-2 pb-1">
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Save registry
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
