import { describe, expect, it } from 'vitest';
import { parsePairs, toBuildQuery } from './build-request';
import type { BuildForm } from './build-request';

const form: BuildForm = {
  source: 'dockerfile',
  dockerfile: 'FROM x',
  remote: '',
  dockerfilePath: '',
  tags: 'app:1, app:latest',
  buildArgs: 'A=1\n# note\nB=two=2',
  labels: '',
  target: ' final ',
  nocache: true,
  pull: false,
};

describe('toBuildQuery', () => {
  it('repeats tags and encodes args as JSON', () => {
    const query = toBuildQuery(form);
    expect(query.getAll('t')).toEqual(['app:1', 'app:latest']);
    expect(JSON.parse(query.get('buildargs') ?? '')).toEqual({ A: '1', B: 'two=2' });
    expect(query.get('labels')).toBeNull();
    expect(query.get('target')).toBe('final');
    expect(query.get('nocache')).toBe('1');
    expect(query.get('pull')).toBeNull();
    expect(query.get('remote')).toBeNull();
  });

  it('sends remote and dockerfile path for a URL build', () => {
    const query = toBuildQuery({
      ...form,
      source: 'remote',
      remote: 'https://example.com/repo.git',
      dockerfilePath: 'docker/Dockerfile',
    });
    expect(query.get('remote')).toBe('https://example.com/repo.git');
    expect(query.get('dockerfile')).toBe('docker/Dockerfile');
  });

  it('says which line is not KEY=VALUE', () => {
    expect(parsePairs('A=1\nbad').error).toBe('Line 2: write KEY=VALUE.');
  });
});
