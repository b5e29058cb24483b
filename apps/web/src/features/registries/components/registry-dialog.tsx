import { registryFormSchema, toRegistryPatch } from '@berth/api';
import type { RegistryFormValues, RegistryInput, RegistrySummary } from '@berth/api';
import type { UseMutationOptions } from '@tanstack/react-query';
import { FormCheckboxField, FormDialog, FormTextField, useZodForm } from '@/components/ui/form';
import { createRegistry, registryKeys, updateRegistry } from '../api/registries-api';

/** Saving adds the registry, or changes the one being edited. */
function saveRegistryMutation(
  existing: RegistrySummary | null,
): UseMutationOptions<RegistrySummary, Error, RegistryInput> {
  return {
    mutationFn: (input) =>
      existing ? updateRegistry(existing.id, toRegistryPatch(input)) : createRegistry(input),
    meta: { invalidates: [registryKeys.all()] },
  };
}

/** Add a registry, or edit one (the password is write-only: blank keeps the stored one). */
export function RegistryDialog({
  existing,
  onClose,
}: {
  existing: RegistrySummary | null;
  onClose: () => void;
}) {
  const form = useZodForm(registryFormSchema(existing !== null), {
    defaultValues: {
      name: existing?.name ?? '',
      server: existing?.server ?? '',
      username: existing?.username ?? '',
      password: '',
      viewers: existing?.viewers ?? false,
    },
  });
  return (
    <FormDialog
      title={existing ? `Edit ${existing.name}` : 'Add registry'}
      onClose={onClose}
      form={form}
      mutation={saveRegistryMutation(existing)}
      toVariables={(values) => values}
      submitLabel="Save registry"
    >
      <FormTextField<RegistryFormValues> name="name" label="Name" />
      <FormTextField<RegistryFormValues>
        name="server"
        label="Server"
        placeholder="registry.example.com or 127.0.0.1:5000"
        spellCheck={false}
      />
      <FormTextField<RegistryFormValues> name="username" label="User name" autoComplete="off" />
      <FormTextField<RegistryFormValues>
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={
          existing
            ? 'Leave blank to keep the stored password. It is never shown again.'
            : 'Stored encrypted in the gateway; it never comes back to the browser.'
        }
      />
      <FormCheckboxField<RegistryFormValues>
        name="viewers"
        label="Viewers may use these credentials"
        hint="For registry checks and searches. Operators always may; the credentials still go to this registry alone."
      />
    </FormDialog>
  );
}
