import { roleAtLeast, type LoginMethod, type SsoMapping } from '@berth/api';
import type { SessionStore } from '../auth/sessions';
import type { User, UserStore } from '../auth/users';
import type { EndpointStore } from '../endpoints/endpoint-store';
import { decideRole, type RoleDecision } from './role-mapping';

export interface ExternalIdentity {
  method: Exclude<LoginMethod, 'local'>;
  /** Stable key at the provider: `oidc:<issuer>#<sub>` or `proxy:<user name>`. */
  externalId: string;
  username: string;
  groups: string[];
}

export type Provisioned =
  | { ok: true; user: User; decision: RoleDecision; changed: boolean }
  | { ok: false; status: number; message: string; decision?: RoleDecision };

export interface ProvisionDeps {
  users: UserStore;
  endpoints: EndpointStore;
  sessions: SessionStore;
}

/** User names from providers are often e-mail addresses: no control characters, at most 64. */
function externalNameProblem(name: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!name || name.length > 64 || /[\u0000-\u001f\u007f]/.test(name))
    return 'The provider sent no usable user name (1 to 64 characters).';
  return null;
}

/**
 * Finds or creates the Berth user of an identity from a provider and gives them the role their
 * groups map to now: the provider is the source of truth, so a role an admin set by hand is
 * replaced at the next login. A lower role ends the user's other sessions, as it does when an
 * admin lowers it.
 */
export function provisionUser(
  deps: ProvisionDeps,
  mapping: SsoMapping,
  identity: ExternalIdentity,
): Provisioned {
  const decision = decideRole(mapping, identity.groups);
  const nameProblem = externalNameProblem(identity.username);
  if (nameProblem) return { ok: false, status: 403, message: nameProblem, decision };
  if (!decision.role)
    return {
      ok: false,
      status: 403,
      message: 'Your groups at the identity provider give you no role in Berth. Ask an admin.',
      decision,
    };
  const existing = deps.users.byExternalId(identity.externalId);
  if (existing?.disabled)
    return {
      ok: false,
      status: 403,
      message: 'This account is disabled. Ask an admin to enable it.',
      decision,
    };
  if (!existing) {
    // Never merge into a local account of the same name: whoever controls a name at the
    // provider would otherwise take over that Berth user (and its tokens).
    if (deps.users.byName(identity.username))
      return {
        ok: false,
        status: 409,
        message: `A Berth user named ${identity.username} already exists and is not linked to this sign-in. Ask an admin to rename or delete it.`,
        decision,
      };
    const user = deps.users.createExternal(identity.username, identity.externalId, decision.role);
    deps.endpoints.setGrants(user.id, decision.grants);
    return { ok: true, user, decision, changed: true };
  }
  const grantsBefore = JSON.stringify(deps.endpoints.grants(existing.id));
  const grantsChanged = grantsBefore !== JSON.stringify(decision.grants);
  const roleChanged = existing.role !== decision.role;
  if (roleChanged) deps.users.update(existing.id, { role: decision.role });
  if (grantsChanged) deps.endpoints.setGrants(existing.id, decision.grants);
  if ((roleChanged && !roleAtLeast(decision.role, existing.role)) || grantsChanged)
    deps.sessions.revokeForUser(existing.id);
  const user = deps.users.byId(existing.id) ?? existing;
  return { ok: true, user, decision, changed: roleChanged || grantsChanged };
}

/** The audit line of an SSO login: how, who at the provider, and which groups decided. */
export function describeDecision(identity: ExternalIdentity, decision: RoleDecision): string {
  return [
    `method=${identity.method}`,
    `id=${identity.externalId}`,
    `groups=[${identity.groups.join(',')}]`,
    `role=${decision.role ?? 'refused'}`,
    `by ${decision.reasons.join('; ')}`,
  ].join(' ');
}
