import { describe, expect, it } from 'vitest';
import { ComposeFileError, loadComposeFile } from './compose-file';

function problemsOf(yaml: string, env = '') {
  try {
    loadComposeFile(yaml, env);
  } catch (error) {
    if (error instanceof ComposeFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('loadComposeFile', () => {
  it('interpolates from the .env text and validates', () => {
    const doc = loadComposeFile(
      'services:\n  web:\n    image: ${IMAGE:-busybox}\n    ports: ["${PORT}:80"]\n',
      'PORT=8080\n',
    );
    expect(doc.services.web).toEqual({ image: 'busybox', ports: ['8080:80'] });
  });

  it('reports YAML syntax errors at their line', () => {
    const [problem] = problemsOf('services:\n  web:\n    image: [unclosed\n');
    expect(problem?.message).toMatch(/^YAML:/);
    expect(problem?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports an unknown key by name at its line (schema)', () => {
    const problems = problemsOf('services:\n  web:\n    image: busybox\n    imagee: x\n');
    expect(problems).toEqual([
      { message: 'services.web: unknown key "imagee"', path: 'services.web', line: 4 },
    ]);
  });

  it('reports a wrong type at the value', () => {
    const problems = problemsOf('services:\n  web:\n    image: busybox\n    ports: 80\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, path: 'services.web.ports' });
    expect(problems[0]?.message).toMatch(/must be array/);
  });

  it('reports a missing required variable at its line', () => {
    const problems = problemsOf(
      'services:\n  web:\n    image: busybox\n    user: ${WHO:?set WHO}\n',
    );
    expect(problems[0]).toMatchObject({ line: 4, path: 'services.web.user' });
    expect(problems[0]?.message).toContain('required variable WHO is missing a value: set WHO');
  });

  it('refuses a file without services', () => {
    expect(problemsOf('volumes: {}\n')[0]?.message).toMatch(/no services/);
  });
});
