import { gatewayKeys } from '@berth/api';
import type { NewUser, UserPatch, UserSummary } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { gateway } from '@/lib/api-client';

/** The add-user dialog shows the gateway's answer (name taken, weak password) in place. */
export function useCreateUser() {
  return useMutation({
    mutationFn: (input: NewUser) => gateway.createUser(input),
    meta: { toastOnError: false, invalidates: [gatewayKeys.users()] },
  });
}

/**
 * Changes one user. Dialogs (role, password) show failures themselves; the row buttons
 * (disable, enable) toast the gateway's message, such as "This is the last active admin".
 */
export function useUpdateUser(
  user: Pick<UserSummary, 'id' | 'username'>,
  { inline = false }: { inline?: boolean } = {},
) {
  return useMutation({
    mutationFn: (patch: UserPatch) => gateway.updateUser(user.id, patch),
    meta: {
      errorTitle: `Could not change ${user.username}`,
      toastOnError: !inline,
      invalidates: [gatewayKeys.users()],
    },
  });
}

export function useDeleteUser(user: Pick<UserSummary, 'id' | 'username'>) {
  return useMutation({
    mutationFn: () => gateway.deleteUser(user.id),
    meta: { errorTitle: `Could not delete ${user.username}`, invalidates: [gatewayKeys.users()] },
  });
}
