// The add/edit endpoint form as a view model: what the person types, validated in words they can
// act on, and turned into the gateway's `EndpointInput`. Secrets (PEM, private keys) are
// write-only: an empty field while editing keeps what the gateway has stored.
import { z } from 'zod';
import type { EndpointInput, EndpointSummary } from '../gateway/types';

export type EndpointTransport = 'unix' | 'tcp' | 'ssh' | 'other';

export interface EndpointFormValues {
  name: string;
  url: string;
  /** More addresses of the same engine (a swarm's other managers), one a line. */
  alternates: string;
  tls: boolean;
  tlsVerify: boolean;
  ca: string;
  cert: string;
  key: string;
  sshKey: string;
  sshPassphrase: string;
  sshHostKey: string;
}

export type EndpointFormErrors = Partial<Record<keyof EndpointFormValues, string>>;

export function endpointTransportOf(url: string): EndpointTransport {
  const value = url.trim();
  if (value.startsWith('unix://')) return 'unix';
  if (value.startsWith('tcp://')) return 'tcp';
  if (value.startsWith('ssh://')) return 'ssh';
  return 'other';
}

export function emptyEndpointForm(existing?: EndpointSummary | null): EndpointFormValues {
  return {
    name: existing?.name ?? '',
    url: existing?.url ?? '',
    alternates: (existing?.alternates ?? []).join('\n'),
    tls: existing?.tls ?? false,
    tlsVerify: true,
    ca: '',
    cert: '',
    key: '',
    sshKey: '',
    sshPassphrase: '',
    sshHostKey: '',
  };
}

const PEM = /-----BEGIN [A-Z0-9 ]+-----/;

/** `editing`: blank secrets keep the stored ones, so they are never required. */
export function validateEndpointForm(
  form: EndpointFormValues,
  editing: boolean,
): EndpointFormErrors {
  const errors: EndpointFormErrors = {};
  if (!form.name.trim()) errors.name = 'Give the endpoint a name, e.g. Build box.';
  else if (form.name.trim().length > 100) errors.name = 'Keep the name under 100 characters.';
  const errorUrl = validateEndpointUrl(form.url);
  if (errorUrl) errors.url = errorUrl;
  const transport = endpointTransportOf(form.url);
  const alternates = errorOfAlternates(form, transport);
  if (alternates) errors.alternates = alternates;
  if (transport === 'tcp' && form.tls) {
    for (const field of ['ca', 'cert', 'key'] as const) {
      const value = form[field].trim();
      if (value && !PEM.test(value))
        errors[field] = 'This is not PEM text (it should start with -----BEGIN …-----).';
    }
    if (!editing && Boolean(form.cert.trim()) !== Boolean(form.key.trim())) {
      const missing = form.cert.trim() ? 'key' : 'cert';
      errors[missing] = 'A client certificate needs its key, and a key its certificate.';
    }
  }
  if (transport === 'ssh') {
    const key = form.sshKey.trim();
    if (key && !/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(key))
      errors.sshKey =
        'This is not a private key (it should start with -----BEGIN … PRIVATE KEY-----).';
    const hostKey = form.sshHostKey.trim();
    if (hostKey && !/^SHA256:[A-Za-z0-9+/]{43}=?$/.test(hostKey))
      errors.sshHostKey =
        'Use the SHA256 fingerprint as ssh-keygen -lf prints it, e.g. SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8.';
  }
  return errors;
}

/** The other addresses' lines, blank ones dropped. */
export function alternateLines(form: Pick<EndpointFormValues, 'alternates'>): string[] {
  return form.alternates
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function errorOfAlternates(form: EndpointFormValues, transport: EndpointTransport): string | null {
  const lines = alternateLines(form);
  if (!lines.length) return null;
  if (transport === 'ssh')
    return 'Other addresses work with unix:// and tcp:// endpoints; add each ssh host as an endpoint of its own.';
  if (lines.length > 8) return 'At most 8 other addresses.';
  for (const line of lines) {
    const kind = endpointTransportOf(line);
    const problem =
      kind === 'unix' || kind === 'tcp'
        ? validateEndpointUrl(line)
        : 'Start with unix:// or tcp://.';
    if (problem) return `${line}: ${problem}`;
  }
  if (new Set([form.url.trim(), ...lines]).size !== lines.length + 1)
    return 'Each address must differ from the others and from the URL.';
  return null;
}

export function validateEndpointUrl(raw: string): string | null {
  const url = raw.trim();
  if (!url) return 'Enter where the engine listens.';
  switch (endpointTransportOf(url)) {
    case 'unix':
      return /^unix:\/\/\/.+/.test(url)
        ? null
        : 'A socket path is absolute: unix:///var/run/docker.sock.';
    case 'tcp':
      return /^tcp:\/\/[^/\s:]+:\d{1,5}$/.test(url)
        ? null
        : 'Give a host and port: tcp://10.0.0.5:2376.';
    case 'ssh':
      return /^ssh:\/\/([^@\s/]+@)?[^/\s:@]+(:\d{1,5})?(\/\S*)?$/.test(url)
        ? null
        : 'Give a host, and usually a user: ssh://deploy@build-box or ssh://deploy@10.0.0.5:2222.';
    default:
      return 'Start with unix://, tcp:// or ssh://.';
  }
}

/** The gateway's body: TLS only for tcp://, SSH only for ssh://, blank secrets left out. */
export function toEndpointInput(form: EndpointFormValues): EndpointInput {
  const url = form.url.trim();
  const transport = endpointTransportOf(url);
  const input: EndpointInput = {
    name: form.name.trim(),
    url,
    alternates: transport === 'ssh' ? [] : alternateLines(form),
  };
  if (transport === 'tcp') {
    if (form.tls) {
      const tls: NonNullable<EndpointInput['tls']> = { verify: form.tlsVerify };
      if (form.ca.trim()) tls.ca = form.ca.trim();
      if (form.cert.trim()) tls.cert = form.cert.trim();
      if (form.key.trim()) tls.key = form.key.trim();
      input.tls = tls;
    } else {
      input.tls = null;
    }
  }
  if (transport === 'ssh') {
    const ssh: NonNullable<EndpointInput['ssh']> = {};
    if (form.sshKey.trim()) ssh.privateKey = `${form.sshKey.trim()}\n`;
    if (form.sshPassphrase) ssh.passphrase = form.sshPassphrase;
    if (form.sshHostKey.trim()) ssh.hostKey = form.sshHostKey.trim();
    input.ssh = ssh;
  }
  return input;
}

/**
 * The form's schema: validateEndpointForm's rules as field issues, so the kit shows each at its
 * field. While editing, blank secrets keep the stored ones and are never required.
 */
export const endpointFormSchema = (editing: boolean) =>
  z
    .object({
      name: z.string(),
      url: z.string(),
      alternates: z.string(),
      tls: z.boolean(),
      tlsVerify: z.boolean(),
      ca: z.string(),
      cert: z.string(),
      key: z.string(),
      sshKey: z.string(),
      sshPassphrase: z.string(),
      sshHostKey: z.string(),
    })
    .superRefine((values, ctx) => {
      for (const [field, message] of Object.entries(validateEndpointForm(values, editing)))
        if (message) ctx.addIssue({ code: 'custom', path: [field], message });
    });
