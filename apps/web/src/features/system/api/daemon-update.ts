// PouchContainer's `POST /daemon/update`: the daemon's labels and image proxy, changed live.
// The form's rules and body are in @berth/api (daemonUpdateFormSchema, toDaemonUpdate).
import { endpointKeys } from '@berth/api';
import type { toDaemonUpdate } from '@berth/api';
import type { UseMutationOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';

type DaemonUpdateBody = ReturnType<typeof toDaemonUpdate>;

/** The daemon's labels show in its info. */
export function updateDaemonMutation(
  endpointId: string,
): UseMutationOptions<undefined, Error, DaemonUpdateBody> {
  return {
    mutationFn: (body) => engine(endpointId).json<undefined>('POST', '/daemon/update', { body }),
    meta: { invalidates: [endpointKeys.info(endpointId)] },
  };
}
