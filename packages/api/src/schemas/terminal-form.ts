import { z } from 'zod';

/** The Command select's entry that opens the free-text command field. */
export const CUSTOM_COMMAND = 'custom';

/**
 * What a new terminal runs, as the connect form holds it: a command (exec) picked from the
 * shells or typed, with an optional user and working directory, or the main process (attach).
 */
export const terminalConnectSchema = z
  .object({
    mode: z.enum(['exec', 'attach']),
    command: z.string(),
    custom: z.string().max(4096, 'Keep the command under 4,096 characters'),
    user: z.string().trim().max(256, 'Keep the user under 256 characters'),
    workdir: z.string().trim().max(4096, 'Keep the directory under 4,096 characters'),
    logs: z.boolean(),
  })
  .superRefine((values, ctx) => {
    if (values.mode === 'exec' && values.command === CUSTOM_COMMAND && !values.custom.trim())
      ctx.addIssue({
        code: 'custom',
        path: ['custom'],
        message: 'Type the command to run, e.g. /bin/ash -l',
      });
  });

export type TerminalConnectValues = z.input<typeof terminalConnectSchema>;
