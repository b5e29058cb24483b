import { describe, expect, it } from 'vitest';
import { CUSTOM_COMMAND, terminalConnectSchema } from './terminal-form';

const base = { mode: 'exec', command: '/bin/sh', custom: '', user: '', workdir: '', logs: true };

describe('terminalConnectSchema', () => {
  it('asks for the command only when Custom is picked for exec', () => {
    expect(terminalConnectSchema.safeParse(base).success).toBe(true);
    const custom = terminalConnectSchema.safeParse({ ...base, command: CUSTOM_COMMAND });
    expect(custom.success).toBe(false);
    expect(custom.error?.issues[0]).toMatchObject({
      path: ['custom'],
      message: 'Type the command to run, e.g. /bin/ash -l',
    });
    expect(
      terminalConnectSchema.safeParse({ ...base, mode: 'attach', command: CUSTOM_COMMAND }).success,
    ).toBe(true);
  });

  it('trims the user and the working directory', () => {
    const parsed = terminalConnectSchema.parse({ ...base, user: ' app ', workdir: ' /srv ' });
    expect(parsed).toMatchObject({ user: 'app', workdir: '/srv' });
  });
});
