import {
  emptyEndpointForm,
  endpointFormSchema,
  endpointTransportOf,
  toEndpointInput,
} from '@berth/api';
import type { EndpointFormValues, EndpointSummary } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { PlugZap } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { useController } from 'react-hook-form';
import type { ComponentProps } from 'react';
import type { FieldPath } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import {
  Form,
  FormCheckboxField,
  FormError,
  FormTextAreaField,
  FormTextField,
  useFormSubmit,
  useZodForm,
} from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { saveEndpointMutation, testEndpoint } from '../api/endpoints-api';
import { SecretFileField } from './secret-file-field';
import { TestResult } from './test-result';

/** Every field but the name: a connection test needs no name. */
const TESTED_FIELDS: FieldPath<EndpointFormValues>[] = [
  'url',
  'tls',
  'tlsVerify',
  'ca',
  'cert',
  'key',
  'sshKey',
  'sshPassphrase',
  'sshHostKey',
];

/** The TLS material: each a PEM field, stored encrypted, blank keeps the stored one. */
const TLS_FILES = [
  {
    name: 'ca',
    label: 'CA certificate',
    hint: "ca.pem: the authority that signed the engine's certificate.",
  },
  { name: 'cert', label: 'Client certificate', hint: 'cert.pem' },
  {
    name: 'key',
    label: 'Client key',
    hint: 'key.pem; stored encrypted, never sent back to the browser.',
  },
] as const;

/** A PEM or key field bound to the form (its error shows once the form was sent or tested). */
function FormSecretFileField({
  name,
  ...props
}: { name: FieldPath<EndpointFormValues> } & Omit<
  ComponentProps<typeof SecretFileField>,
  'value' | 'onChange' | 'error'
>) {
  const { field, fieldState, formState } = useController<EndpointFormValues>({ name });
  const shown = fieldState.isTouched || formState.isSubmitted;
  return (
    <SecretFileField
      {...props}
      value={String(field.value)}
      error={shown ? fieldState.error?.message : undefined}
      onChange={(value) => field.onChange(value)}
    />
  );
}

/** Add an endpoint, or edit a saved one (secrets are write-only: blank keeps the stored ones). */
export function EndpointDialog({
  existing,
  onClose,
}: {
  existing: EndpointSummary | null;
  onClose: () => void;
}) {
  const editing = existing !== null;
  const schema = useMemo(() => endpointFormSchema(editing), [editing]);
  const form = useZodForm(schema, { defaultValues: emptyEndpointForm(existing) });
  const { submit, mutation: save } = useFormSubmit(
    form,
    saveEndpointMutation(existing),
    toEndpointInput,
    onClose,
  );
  const test = useMutation({
    mutationFn: (values: EndpointFormValues) => {
      const { name: _name, ...body } = toEndpointInput(values);
      return testEndpoint(body);
    },
    meta: { toastOnError: false },
    // The key the server just showed goes into the form, so saving pins exactly that one
    // (not whatever answers the next connection).
    onSuccess: (result) => {
      if (result.sshHostKey && !form.getValues('sshHostKey').trim())
        form.setValue('sshHostKey', result.sshHostKey);
    },
  });
  const resetTest = test.reset;
  // A result speaks of what was tested: whatever the person changes after makes it stale.
  useEffect(() => {
    const watching = form.watch((_values, { type }) => {
      if (type === 'change') resetTest();
    });
    return () => watching.unsubscribe();
  }, [form, resetTest]);
  const busy = save.isPending;
  const [url, tls] = form.watch(['url', 'tls']);
  const transport = endpointTransportOf(url);

  async function runTest() {
    if (await form.trigger(TESTED_FIELDS, { shouldFocus: true })) {
      test.mutate(form.getValues());
      return;
    }
    // The kit shows an error once its field was left: mark the failing ones as such.
    for (const field of TESTED_FIELDS)
      if (form.getFieldState(field).invalid)
        form.setValue(field, form.getValues(field), { shouldTouch: true });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={busy}
      title={existing ? `Edit ${existing.name}` : 'Add endpoint'}
      description="An engine Berth manages: a local socket, a TCP address (with TLS) or SSH."
      className="max-w-xl"
    >
      <Form
        form={form}
        aria-label={existing ? `Edit ${existing.name}` : 'Add endpoint'}
        onSubmit={(event) => void submit(event)}
      >
        <FormTextField<EndpointFormValues>
          name="name"
          label="Name"
          placeholder="Build box"
          hint={editing ? undefined : 'The id in links is made from it (Build box → build-box).'}
        />
        <FormTextField<EndpointFormValues>
          name="url"
          label="URL"
          spellCheck={false}
          autoComplete="off"
          placeholder="tcp://10.0.0.5:2376"
          className="font-mono"
          hint="unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host"
        />
        {transport !== 'ssh' && (
          <FormTextAreaField<EndpointFormValues>
            name="alternates"
            label="Other manager addresses (optional)"
            rows={2}
            spellCheck={false}
            placeholder="tcp://10.0.0.6:2376"
            className="font-mono"
            hint="For a swarm: the other managers, one a line, same TLS files. When the URL stops answering, Berth goes on through the first of these that does."
          />
        )}
        {transport === 'tcp' && (
          <fieldset className="flex flex-col gap-3 rounded-md border border-line p-3">
            <legend className="px-1 text-[12px] font-medium text-muted">TLS</legend>
            <FormCheckboxField<EndpointFormValues>
              name="tls"
              label="Use TLS"
              hint="For engines started with --tlsverify (usually port 2376)."
            />
            {tls && (
              <>
                <FormCheckboxField<EndpointFormValues>
                  name="tlsVerify"
                  label="Verify the engine's certificate"
                  hint="Turn off only for a self-signed engine you trust on a private network."
                />
                {TLS_FILES.map(({ name, label, hint }) => (
                  <FormSecretFileField
                    key={name}
                    name={name}
                    label={label}
                    hint={hint}
                    stored={editing && Boolean(existing?.tls)}
                  />
                ))}
              </>
            )}
          </fieldset>
        )}
        {transport === 'ssh' && (
          <fieldset className="flex flex-col gap-3 rounded-md border border-line p-3">
            <legend className="px-1 text-[12px] font-medium text-muted">SSH</legend>
            <FormSecretFileField
              name="sshKey"
              label="Private key"
              stored={editing && existing?.url.startsWith('ssh://') === true}
              accept="*"
              hint="OpenSSH or PEM text, e.g. id_ed25519; stored encrypted, never sent back to the browser."
            />
            <FormTextField<EndpointFormValues>
              name="sshPassphrase"
              label="Key passphrase"
              type="password"
              autoComplete="new-password"
              hint={
                editing ? 'Leave blank to keep the stored one.' : 'Only if the key is encrypted.'
              }
            />
            <FormTextField<EndpointFormValues>
              name="sshHostKey"
              label="Host key fingerprint (optional)"
              spellCheck={false}
              placeholder="SHA256:…"
              className="font-mono"
              hint="Pins the server's key: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the host."
            />
          </fieldset>
        )}
        <div aria-live="polite">
          {test.isSuccess && <TestResult result={test.data} />}
          {test.isError && <InlineAlert title="Could not test">{test.error.message}</InlineAlert>}
        </div>
        <FormError title="Not saved" />
        <div className="flex items-center justify-between gap-2 pt-2 pb-1">
          <Button
            icon={<PlugZap className="size-3.5" aria-hidden />}
            loading={test.isPending}
            disabled={busy}
            onClick={() => void runTest()}
          >
            Test connection
          </Button>
          <div className="flex gap-2">
            <Button onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" loading={busy}>
              {existing ? 'Save changes' : 'Add endpoint'}
            </Button>
          </div>
        </div>
      </Form>
    </Dialog>
  );
}
