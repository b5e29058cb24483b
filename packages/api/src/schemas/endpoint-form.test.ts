import { describe, expect, it } from 'vitest';
import {
  emptyEndpointForm,
  endpointFormSchema,
  endpointTransportOf,
  toEndpointInput,
  validateEndpointForm,
  validateEndpointUrl,
} from './endpoint-form';

const PEM_CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';
const SSH_KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----';

describe('endpoint form', () => {
  it('knows the transport from the URL', () => {
    expect(endpointTransportOf('unix:///var/run/docker.sock')).toBe('unix');
    expect(endpointTransportOf(' tcp://h:2376')).toBe('tcp');
    expect(endpointTransportOf('ssh://me@box')).toBe('ssh');
    expect(endpointTransportOf('http://h')).toBe('other');
  });

  it('checks URLs and says how to fix them', () => {
    expect(validateEndpointUrl('unix:///run/docker.sock')).toBeNull();
    expect(validateEndpointUrl('unix://run/docker.sock')).toMatch(/absolute/);
    expect(validateEndpointUrl('tcp://10.0.0.5:2376')).toBeNull();
    expect(validateEndpointUrl('tcp://10.0.0.5')).toMatch(/host and port/);
    expect(validateEndpointUrl('ssh://deploy@box:2222/run/docker.sock')).toBeNull();
    expect(validateEndpointUrl('ssh://box')).toBeNull();
    expect(validateEndpointUrl('ssh://deploy@')).toMatch(/Give a host/);
    expect(validateEndpointUrl('')).toMatch(/Enter/);
    expect(validateEndpointUrl('docker.example.com')).toMatch(/unix:\/\/, tcp:\/\/ or ssh:\/\//);
  });

  it('wants a name, PEM text, and a certificate with its key', () => {
    const form = {
      ...emptyEndpointForm(),
      url: 'tcp://h:2376',
      tls: true,
      cert: PEM_CERT,
      ca: 'nope',
    };
    const errors = validateEndpointForm(form, false);
    expect(errors.name).toBeDefined();
    expect(errors.ca).toMatch(/PEM/);
    expect(errors.key).toMatch(/needs its key/);
    // editing: blank key keeps the stored one
    expect(validateEndpointForm({ ...form, name: 'a', ca: '' }, true)).toEqual({});
  });

  it('checks the ssh key and the host key fingerprint', () => {
    const form = { ...emptyEndpointForm(), name: 'a', url: 'ssh://me@box', sshKey: PEM_CERT };
    expect(validateEndpointForm(form, false).sshKey).toMatch(/private key/);
    const fingerprint = 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8';
    expect(
      validateEndpointForm({ ...form, sshKey: SSH_KEY, sshHostKey: fingerprint }, false),
    ).toEqual({});
    expect(
      validateEndpointForm({ ...form, sshKey: SSH_KEY, sshHostKey: 'md5:aa' }, false).sshHostKey,
    ).toMatch(/SHA256/);
  });

  it('sends TLS only for tcp and leaves blank secrets out', () => {
    const tcp = toEndpointInput({
      ...emptyEndpointForm(),
      name: ' Build ',
      url: 'tcp://h:2376',
      tls: true,
      tlsVerify: false,
      ca: PEM_CERT,
      sshKey: SSH_KEY,
    });
    expect(tcp).toEqual({
      name: 'Build',
      url: 'tcp://h:2376',
      alternates: [],
      tls: { verify: false, ca: PEM_CERT },
    });
    expect(
      toEndpointInput({ ...emptyEndpointForm(), name: 'n', url: 'tcp://h:2375' }).tls,
    ).toBeNull();
    expect(
      toEndpointInput({
        ...emptyEndpointForm(),
        name: 'n',
        url: 'unix:///s',
        tls: true,
        ca: PEM_CERT,
      }),
    ).toEqual({ name: 'n', url: 'unix:///s', alternates: [] });
  });

  it('sends the ssh key material for ssh:// URLs', () => {
    const ssh = toEndpointInput({
      ...emptyEndpointForm(),
      name: 'n',
      url: 'ssh://me@box',
      sshKey: SSH_KEY,
      sshPassphrase: 'secret words',
      sshHostKey: 'SHA256:x',
      key: PEM_KEY,
    });
    expect(ssh).toEqual({
      name: 'n',
      url: 'ssh://me@box',
      alternates: [],
      ssh: { privateKey: `${SSH_KEY}\n`, passphrase: 'secret words', hostKey: 'SHA256:x' },
    });
  });

  it("takes a swarm's other managers one a line, checked, and never for ssh", () => {
    const form = { ...emptyEndpointForm(), name: 'swarm', url: 'tcp://m1:2376' };
    const alternates = '  tcp://m2:2376\n\nunix:///run/m3.sock \n';
    expect(validateEndpointForm({ ...form, alternates }, false)).toEqual({});
    expect(toEndpointInput({ ...form, alternates }).alternates).toEqual([
      'tcp://m2:2376',
      'unix:///run/m3.sock',
    ]);
    expect(validateEndpointForm({ ...form, alternates: 'tcp://m2' }, false).alternates).toBe(
      'tcp://m2: Give a host and port: tcp://10.0.0.5:2376.',
    );
    expect(
      validateEndpointForm({ ...form, alternates: 'ssh://root@m2' }, false).alternates,
    ).toMatch(/Start with unix:\/\/ or tcp:\/\//);
    expect(
      validateEndpointForm({ ...form, alternates: 'tcp://m1:2376' }, false).alternates,
    ).toMatch(/must differ/);
    const ssh = { ...form, url: 'ssh://me@box', alternates: 'tcp://m2:2376' };
    expect(validateEndpointForm(ssh, false).alternates).toMatch(/ssh host as an endpoint/);
    expect(toEndpointInput(ssh).alternates).toEqual([]);
  });

  it('the schema puts each rule at its field (a bad fingerprint while editing ssh)', () => {
    const result = endpointFormSchema(true).safeParse({
      ...emptyEndpointForm(),
      name: 'box',
      url: 'ssh://me@box',
      sshHostKey: 'MD5:aa',
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['sshHostKey']);
    expect(
      endpointFormSchema(true).safeParse({
        ...emptyEndpointForm(),
        name: 'box',
        url: 'ssh://me@box',
      }).success,
    ).toBe(true);
  });
});
