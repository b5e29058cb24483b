import { describe, expect, it } from 'vitest';
import { daemonUpdateFormSchema, toDaemonUpdate } from './daemon-update-form';

const problems = (values: { labels: string; imageProxy: string }) =>
  Object.fromEntries(
    (daemonUpdateFormSchema.safeParse(values).error?.issues ?? []).map((i) => [
      i.path.join('.'),
      i.message,
    ]),
  );

describe('daemon update form (PouchContainer)', () => {
  it('sends the labels a line each, and the image proxy only when given', () => {
    expect(toDaemonUpdate({ labels: 'zone=a\n\n storage=ssd \n', imageProxy: ' ' })).toEqual({
      Labels: ['zone=a', 'storage=ssd'],
    });
    expect(toDaemonUpdate({ labels: '', imageProxy: 'http://p:3128' })).toEqual({
      Labels: [],
      ImageProxy: 'http://p:3128',
    });
  });

  it('names the label line that is not key=value and wants an http(s) proxy', () => {
    expect(problems({ labels: 'zone=a\nnoequals', imageProxy: '' })).toEqual({
      labels: '"noequals" is not key=value.',
    });
    expect(problems({ labels: 'SN=', imageProxy: 'ftp://x' }).imageProxy).toMatch(
      /http:\/\/ or https:\/\//,
    );
    expect(problems({ labels: 'SN=', imageProxy: 'https://proxy:443' })).toEqual({});
  });
});
