import { describe, expect, it } from 'vitest';
import {
  commitFormSchema,
  containerRenameSchema,
  emptyCommitForm,
  toCommitOptions,
} from './container-forms';

const renameError = (name: string) => {
  const result = containerRenameSchema.safeParse({ name });
  return result.success ? null : result.error.issues[0]?.message;
};

describe('the rename form', () => {
  it("takes Docker's names, with or without the leading slash, and sends them without", () => {
    expect(containerRenameSchema.parse({ name: '/web-2' })).toEqual({ name: 'web-2' });
    expect(renameError('a.b_c-d')).toBeNull();
  });

  it('refuses an empty name, one character, and a name that starts with punctuation', () => {
    expect(renameError('  ')).toBe('Enter a name.');
    expect(renameError('a')).toMatch(/at least two/);
    expect(renameError('-web')).toMatch(/at least two/);
    expect(renameError('web app')).toMatch(/at least two/);
  });
});

describe('the commit form', () => {
  it('splits the Dockerfile changes into lines and drops blank ones', () => {
    const values = commitFormSchema.parse({
      ...emptyCommitForm(),
      repo: ' myapp ',
      changes: 'ENV A=1\r\n\n  CMD ["sh"]  \n',
    });
    expect(toCommitOptions(values)).toMatchObject({
      repo: 'myapp',
      pause: true,
      changes: ['ENV A=1', 'CMD ["sh"]'],
    });
  });

  it('refuses upper-case repositories and tags with a slash, at those fields', () => {
    const result = commitFormSchema.safeParse({ ...emptyCommitForm(), repo: 'MyApp', tag: 'v1/x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['repo', 'tag']);
  });
});
