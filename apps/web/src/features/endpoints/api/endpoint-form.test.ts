import { describe, expect, it } from 'vitest';
import { emptyForm, toRequest, transportOf, validateForm, validateUrl } from './endpoint-form';

const PEM_CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';
const SSH_KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----';

describe('endpoint form', () => {
  it('knows the transport from the URL', () => {
    expect(transportOf('unix:///var/run/docker.sock')).toBe('unix');
    expect(transportOf(' tcp://h:2376')).toBe('tcp');
    expect(transportOf('ssh://me@box')).toBe('ssh');
    expect(transportOf('http://h')).toBe('other');
  });

  it('checks URLs and says how to fix them', () => {
    expect(validateUrl('unix:///run/docker.sock')).toBeNull();
    expect(validateUrl('unix://run/docker.sock')).toMatch(/absolute/);
    expect(validateUrl('tcp://10.0.0.5:2376')).toBeNull();
    expect(validateUrl('tcp://10.0.0.5')).toMatch(/host and port/);
    expect(validateUrl('ssh://deploy@box:2222/run/docker.sock')).toBeNull();
    expect(validateUrl('ssh://box')).toBeNull();
    expect(validateUrl('ssh://deploy@')).toMatch(/Give a host/);
    expect(validateUrl('')).toMatch(/Enter/);
    expect(validateUrl('docker.example.com')).toMatch(/unix:\/\/, tcp:\/\/ or ssh:\/\//);
  });

  it('wants a name, PEM text, and a certificate with its key', () => {
    const form = { ...emptyForm(), url: 'tcp://h:2376', tls: true, cert: PEM_CERT, ca: 'nope' };
    const errors = validateForm(form, false);
    expect(errors.name).toBeDefined();
    expect(errors.ca).toMatch(/PEM/);
    expect(errors.key).toMatch(/needs its key/);
    // editing: blank key keeps the stored one
    expect(validateForm({ ...form, name: 'a', ca: '' }, true)).toEqual({});
  });

  it('checks the ssh key and the host key fingerprint', () => {
    const form = { ...emptyForm(), name: 'a', url: 'ssh://me@box', sshKey: PEM_CERT };
    expect(validateForm(form, false).sshKey).toMatch(/private key/);
    const fingerprint = 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8';
    expect(validateForm({ ...form, sshKey: SSH_KEY, sshHostKey: fingerprint }, false)).toEqual({});
    expect(
      validateForm({ ...form, sshKey: SSH_KEY, sshHostKey: 'md5:aa' }, false).sshHostKey,
    ).toMatch(/SHA256/);
  });

  it('sends TLS only for tcp and leaves blank secrets out', () => {
    const tcp = toRequest({
      ...emptyForm(),
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
      tls: { verify: false, ca: PEM_CERT },
    });
    expect(toRequest({ ...emptyForm(), name: 'n', url: 'tcp://h:2375' }).tls).toBeNull();
    expect(
      toRequest({ ...emptyForm(), name: 'n', url: 'unix:///s', tls: true, ca: PEM_CERT }),
    ).toEqual({ name: 'n', url: 'unix:///s' });
  });

  it('sends the ssh key material for ssh:// URLs', () => {
    const ssh = toRequest({
      ...emptyForm(),
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
      ssh: { privateKey: `${SSH_KEY}\n`, passphrase: 'secret words', hostKey: 'SHA256:x' },
    });
  });
});
