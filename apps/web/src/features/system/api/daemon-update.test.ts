import { describe, expect, it } from 'vitest';
import { daemonUpdateBody, validateDaemonUpdate } from './daemon-update';

describe('daemon update (PouchContainer)', () => {
  it('sends the labels a line each, and the image proxy only when given', () => {
    expect(daemonUpdateBody({ labels: 'zone=a\n\n storage=ssd \n', imageProxy: ' ' })).toEqual({
      Labels: ['zone=a', 'storage=ssd'],
    });
    expect(daemonUpdateBody({ labels: '', imageProxy: 'http://p:3128' })).toEqual({
      Labels: [],
      ImageProxy: 'http://p:3128',
    });
  });

  it('names the label line that is not key=value and wants an http(s) proxy', () => {
    expect(validateDaemonUpdate({ labels: 'zone=a\nnoequals', imageProxy: '' })).toEqual({
      labels: '"noequals" is not key=value.',
    });
    expect(validateDaemonUpdate({ labels: 'SN=', imageProxy: 'ftp://x' }).imageProxy).toMatch(
      /http:\/\/ or https:\/\//,
    );
    expect(validateDaemonUpdate({ labels: 'SN=', imageProxy: 'https://proxy:443' })).toEqual({});
  });
});
