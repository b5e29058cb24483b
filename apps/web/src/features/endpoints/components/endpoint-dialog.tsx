import type { EndpointSummary } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { PlugZap } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { emptyForm, toRequest, transportOf, validateForm } from '../api/endpoint-form';
import type { EndpointForm, EndpointFormErrors } from '../api/endpoint-form';
import {
  createEndpoint,
  endpointAdminKeys,
  testEndpoint,
  updateEndpoint,
} from '../api/endpoints-api';
import { SecretFileField } from './secret-file-field';
import { TestResult } from './test-result';

/** Add an endpoint, or edit a saved one (secrets are write-only: blank keeps the stored ones). */
export function EndpointDialog({
  existing,
  onClose,
}: {
  existing: EndpointSummary | null;
  onClose: () => void;
}) {
  const [form, setForm] = useState<EndpointForm>(() => emptyForm(existing));
  const [errors, setErrors] = useState<EndpointFormErrors>({});
  const editing = existing !== null;
  const save = useMutation({
    mutationFn: (input: EndpointForm) =>
      existing ? updateEndpoint(existing.id, toRequest(input)) : createEndpoint(toRequest(input)),
    meta: { toastOnError: false, invalidates: [endpointAdminKeys.all()] },
    onSuccess: onClose,
  });
  const test = useMutation({
    mutationFn: (input: EndpointForm) => {
      const { name: _name, ...body } = toRequest(input);
      return testEndpoint(body);
    },
    meta: { toastOnError: false },
    // The key the server just showed goes into the form, so saving pins exactly that one
    // (not whatever answers the next connection).
    onSuccess: (result) => {
      if (result.sshHostKey)
        setForm((current) =>
          current.sshHostKey.trim() ? current : { ...current, sshHostKey: result.sshHostKey ?? '' },
        );
    },
  });
  const busy = save.isPending;
  const transport = transportOf(form.url);

  function set<K extends keyof EndpointForm>(key: K, value: EndpointForm[K]) {
    setForm((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
    test.reset();
  }

  function check(forTest: boolean): boolean {
    const next = validateForm(forTest ? { ...form, name: form.name || 'test' } : form, editing);
    setErrors(next);
    return Object.values(next).every((value) => !value);
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
      <form
        noValidate
        aria-label={existing ? `Edit ${existing.name}` : 'Add endpoint'}
        onSubmit={(event) => {
          event.preventDefault();
          if (check(false)) save.mutate(form);
        }}
        className="flex flex-col gap-3"
      >
        <TextField
          label="Name"
          value={form.name}
          error={errors.name}
          placeholder="Build box"
          hint={editing ? undefined : 'The id in links is made from it (Build box → build-box).'}
          onChange={(event) => set('name', event.target.value)}
        />
        <TextField
          label="URL"
          value={form.url}
          error={errors.url}
          spellCheck={false}
          autoComplete="off"
          placeholder="tcp://10.0.0.5:2376"
          className="font-mono"
          hint="unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host"
          onChange={(event) => set('url', event.target.value)}
        />
        {transport === 'tcp' && (
          <fieldset className="flex flex-col gap-3 rounded-md border border-line p-3">
            <legend className="px-1 text-[12px] font-medium text-muted">TLS</legend>
            <CheckboxField
              label="Use TLS"
              hint="For engines started with --tlsverify (usually port 2376)."
              checked={form.tls}
              onChange={(event) => set('tls', event.target.checked)}
            />
            {form.tls && (
              <>
                <CheckboxField
                  label="Verify the engine's certificate"
                  hint="Turn off only for a self-signed engine you trust on a private network."
                  checked={form.tlsVerify}
                  onChange={(event) => set('tlsVerify', event.target.checked)}
                />
                <SecretFileField
                  label="CA certificate"
                  value={form.ca}
                  error={errors.ca}
                  stored={editing && Boolean(existing?.tls)}
                  hint="ca.pem: the authority that signed the engine's certificate."
                  onChange={(value) => set('ca', value)}
                />
                <SecretFileField
                  label="Client certificate"
                  value={form.cert}
                  error={errors.cert}
                  stored={editing && Boolean(existing?.tls)}
                  hint="cert.pem"
                  onChange={(value) => set('cert', value)}
                />
                <SecretFileField
                  label="Client key"
                  value={form.key}
                  error={errors.key}
                  stored={editing && Boolean(existing?.tls)}
                  hint="key.pem; stored encrypted, never sent back to the browser."
                  onChange={(value) => set('key', value)}
                />
              </>
            )}
          </fieldset>
        )}
        {transport === 'ssh' && (
          <fieldset className="flex flex-col gap-3 rounded-md border border-line p-3">
            <legend className="px-1 text-[12px] font-medium text-muted">SSH</legend>
            <SecretFileField
              label="Private key"
              value={form.sshKey}
              error={errors.sshKey}
              stored={editing && existing?.url.startsWith('ssh://') === true}
              accept="*"
              hint="OpenSSH or PEM text, e.g. id_ed25519; stored encrypted, never sent back to the browser."
              onChange={(value) => set('sshKey', value)}
            />
            <TextField
              label="Key passphrase"
              type="password"
              autoComplete="new-password"
              value={form.sshPassphrase}
              hint={
                editing ? 'Leave blank to keep the stored one.' : 'Only if the key is encrypted.'
              }
              onChange={(event) => set('sshPassphrase', event.target.value)}
            />
            <TextField
              label="Host key fingerprint (optional)"
              value={form.sshHostKey}
              error={errors.sshHostKey}
              spellCheck={false}
              placeholder="SHA256:…"
              className="font-mono"
              hint="Pins the server's key: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the host."
              onChange={(event) => set('sshHostKey', event.target.value)}
            />
          </fieldset>
        )}
        <div aria-live="polite">
          {test.isSuccess && <TestResult result={test.data} />}
          {test.isError && <InlineAlert title="Could not test">{test.error.message}</InlineAlert>}
        </div>
        {save.isError && <InlineAlert title="Not saved">{save.error.message}</InlineAlert>}
        <div className="flex items-center justify-between gap-2 pt-2 pb-1">
          <Button
            icon={<PlugZap className="size-3.5" aria-hidden />}
            loading={test.isPending}
            disabled={busy}
            onClick={() => {
              if (check(true)) test.mutate(form);
            }}
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
      </form>
    </Dialog>
  );
}
