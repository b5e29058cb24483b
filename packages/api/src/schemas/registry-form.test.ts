import { describe, expect, it } from 'vitest';
import { registryFormSchema, toRegistryPatch } from './registry-form';

const typed = { name: ' hub ', server: 'registry.example.com', username: 'ci', password: '' };

describe('registry form', () => {
  it('a new registry needs a password; an edit keeps the stored one when it is blank', () => {
    const created = registryFormSchema(false).safeParse(typed);
    expect(created.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['password', 'Enter the password or access token'],
    ]);
    const edited = registryFormSchema(true).parse({ ...typed, viewers: true });
    expect(toRegistryPatch(edited)).toEqual({
      name: 'hub',
      server: 'registry.example.com',
      username: 'ci',
      viewers: true,
    });
    expect(toRegistryPatch({ ...edited, password: 'new' })).toHaveProperty('password', 'new');
  });
});
