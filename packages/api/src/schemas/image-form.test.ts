import { describe, expect, it } from 'vitest';
import {
  buildFormSchema,
  emptyBuildForm,
  imageLoadSchema,
  imagePullSchema,
  imageTagSchema,
  parsePairs,
  toBuildQuery,
} from './image-form';

const form = buildFormSchema.parse({
  ...emptyBuildForm(),
  dockerfile: 'FROM x',
  tags: 'app:1, app:latest',
  buildArgs: 'A=1\n# note\nB=two=2',
  target: ' final ',
  nocache: true,
});

describe('the build form', () => {
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
    const query = toBuildQuery(
      buildFormSchema.parse({
        ...emptyBuildForm(),
        source: 'remote',
        remote: 'https://example.com/repo.git',
        dockerfilePath: 'docker/Dockerfile',
      }),
    );
    expect(query.get('remote')).toBe('https://example.com/repo.git');
    expect(query.get('dockerfile')).toBe('docker/Dockerfile');
  });

  it('says which line is not KEY=VALUE, at the field', () => {
    expect(parsePairs('A=1\nbad').error).toBe('Line 2: write KEY=VALUE.');
    const result = buildFormSchema.safeParse({ ...emptyBuildForm(), labels: 'A=1\nbad' });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['labels'],
      message: 'Line 2: write KEY=VALUE.',
    });
  });

  it('asks for what the chosen source needs', () => {
    const paths = (values: object) =>
      buildFormSchema
        .safeParse({ ...emptyBuildForm(), ...values })
        .error?.issues.map((issue) => issue.path[0]);
    expect(paths({ dockerfile: '  ' })).toEqual(['dockerfile']);
    expect(paths({ source: 'tar' })).toEqual(['file']);
    expect(paths({ source: 'remote', remote: 'ftp://x' })).toEqual(['remote']);
    expect(paths({ source: 'tar', file: new Blob(['x']) })).toBeUndefined();
  });
});

describe('the tag, pull and load forms', () => {
  it('need a reference', () => {
    expect(imageTagSchema.safeParse({ reference: ' ' }).error?.issues[0]?.path).toEqual([
      'reference',
    ]);
    expect(imagePullSchema.parse({ reference: ' alpine ', tag: '', registry: '' }).reference).toBe(
      'alpine',
    );
  });

  it('load: a file always, a name only where the engine needs one', () => {
    const file = new Blob(['tar']);
    expect(imageLoadSchema(false).safeParse({ file, name: '' }).success).toBe(true);
    expect(imageLoadSchema(true).safeParse({ file, name: '' }).error?.issues[0]?.path).toEqual([
      'name',
    ]);
    expect(imageLoadSchema(true).safeParse({ file, name: 'a b' }).error?.issues[0]?.message).toBe(
      'An image name has no spaces.',
    );
    expect(
      imageLoadSchema(false).safeParse({ file: null, name: '' }).error?.issues[0]?.path,
    ).toEqual(['file']);
  });
});
