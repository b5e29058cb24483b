import { gatewayKeys } from '@berth/api';
import type { NewUser, Role, UserPatch, UserSummary } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { gateway } from '@/lib/api-client';

type Named = Pick<UserSummary, 'id' | 'username'>;

/** Adding a user (the dialog shows a refusal, such as a taken name, at its field). */
export function createUserMutation(): UseMutationOptions<UserSummary, Error, NewUser> {
  return {
    mutationFn: (input) => gateway.createUser(input),
    meta: { invalidates: [gatewayKeys.users()] },
  };
}

/** Changing one user: role, password, disabled. */
export function updateUserMutation(user: Named): UseMutationOptions<unknown, Error, UserPatch> {
  return {
    mutationFn: (patch) => gateway.updateUser(user.id, patch),
    meta: { errorTitle: `Could not change ${user.username}`, invalidates: [gatewayKeys.users()] },
  };
}

/** A new role; choosing the one the user has changes nothing and asks the gateway nothing. */
export function changeRoleMutation(
  user: Pick<UserSummary, 'id' | 'username' | 'role'>,
): UseMutationOptions<unknown, Error, Role> {
  return {
    meta: updateUserMutation(user).meta,
    mutationFn: async (role) =>
      role === user.role ? undefined : gateway.updateUser(user.id, { role }),
  };
}

/** The row buttons (disable, enable) toast the gateway's refusal ("the last active admin"). */
export function useUpdateUser(user: Named) {
  return useMutation(updateUserMutation(user));
}
