import { roleAtLeast, type Role, type SsoMapping } from '@berth/api';
import type { EndpointGrant } from '../endpoints/endpoint-store';

export interface RoleDecision {
  /** Undefined: the user is in no mapped group and the default is to refuse them. */
  role: Role | undefined;
  /** Per-endpoint roles from the groups; empty means every endpoint with `role`. */
  grants: EndpointGrant[];
  /** Which groups decided, for the audit log: `ops→operator`, `default viewer`. */
  reasons: string[];
}

const higher = (a: Role | undefined, b: Role): Role => (a && roleAtLeast(a, b) ? a : b);

/**
 * A provider's groups to a Berth role: the highest role of the rules whose group the user is in;
 * none matched, the default (or a refusal). Group names match exactly, case included: providers
 * treat `Admins` and `admins` as different groups, so Berth does too.
 */
export function decideRole(mapping: SsoMapping, groups: readonly string[]): RoleDecision {
  const member = new Set(groups);
  let role: Role | undefined;
  const reasons: string[] = [];
  for (const rule of mapping.rules) {
    if (!member.has(rule.group)) continue;
    role = higher(role, rule.role);
    reasons.push(`${rule.group}→${rule.role}`);
  }
  if (role === undefined) {
    if (mapping.defaultRole !== 'none') role = mapping.defaultRole;
    reasons.push(`no rule matched: default ${mapping.defaultRole}`);
  }
  const byEndpoint = new Map<string, Role>();
  for (const rule of mapping.endpointRules) {
    if (!member.has(rule.group)) continue;
    byEndpoint.set(rule.endpoint, higher(byEndpoint.get(rule.endpoint), rule.role));
    reasons.push(`${rule.group}→${rule.role} on ${rule.endpoint}`);
  }
  const grants = [...byEndpoint]
    .map(([endpoint, r]) => ({ endpoint, role: r }))
    .sort((a, b) => a.endpoint.localeCompare(b.endpoint));
  return { role, grants, reasons };
}

/**
 * The groups in a claim: an array of strings, or one string (some providers send a single group
 * unwrapped). A dotted name reaches into objects (Keycloak's `realm_access.roles`) when no claim
 * has the dotted name itself.
 */
export function groupsFromClaim(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes('.')) {
    value = name
      .split('.')
      .reduce<unknown>(
        (at, key) =>
          at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined,
        claims,
      );
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

/**
 * Groups from a forward-auth header: comma-separated (Authelia, oauth2-proxy) or separated by `|`
 * (Authentik's X-authentik-groups).
 */
export function groupsFromHeader(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,|]/)
    .map((g) => g.trim())
    .filter(Boolean);
}
