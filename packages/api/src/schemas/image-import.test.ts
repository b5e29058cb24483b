import { describe, expect, it } from 'vitest';
import { emptyImageImport, imageImportSchema, toImageImportQuery } from './image-import';

describe('imageImportSchema', () => {
  it('makes fromSrc=- for an upload, with repo, tag, message and one changes= per line', () => {
    const values = imageImportSchema.parse({
      ...emptyImageImport(),
      file: new Blob(['rootfs']),
      repo: 'team/rootfs',
      tag: 'v1',
      message: 'from a tarball',
      changes: 'CMD ["/bin/sh"]\n\nENV A=1\n',
    });
    expect(toImageImportQuery(values).toString()).toBe(
      'fromSrc=-&repo=team%2Frootfs&tag=v1&message=from+a+tarball&changes=CMD+%5B%22%2Fbin%2Fsh%22%5D&changes=ENV+A%3D1',
    );
  });

  it('takes a URL the engine fetches, and says at the field what is wrong', () => {
    const ok = imageImportSchema.parse({
      ...emptyImageImport(),
      source: 'url',
      url: 'https://files.example/r.tar',
    });
    expect(toImageImportQuery(ok).get('fromSrc')).toBe('https://files.example/r.tar');
    const bad = imageImportSchema.safeParse({
      ...emptyImageImport(),
      source: 'url',
      url: 'file:///etc/passwd',
      repo: 'Bad Name',
      tag: '-x',
    });
    const issues = Object.fromEntries(
      bad.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [],
    );
    expect(Object.keys(issues).sort()).toEqual(['repo', 'tag', 'url']);
    expect(issues.url).toMatch(/http:\/\/ or https:\/\//);
  });

  it('wants a repository when a tag is given', () => {
    const res = imageImportSchema.safeParse({ ...emptyImageImport(), tag: 'v1' });
    expect(res.error?.issues).toContainEqual(
      expect.objectContaining({ path: ['repo'], message: 'A tag needs a repository.' }),
    );
  });

  it('wants a tarball for an upload, at the file field, and none for a URL', () => {
    const upload = imageImportSchema.safeParse(emptyImageImport());
    expect(upload.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['file', 'Choose a tarball to upload.'],
    ]);
    const url = imageImportSchema.safeParse({
      ...emptyImageImport(),
      source: 'url',
      url: 'https://files.example/r.tar',
    });
    expect(url.success).toBe(true);
  });
});
