import type { IncomingMessage } from 'node:http';
import { BlockList, isIPv6 } from 'node:net';
import type { AuditLog } from '../audit/audit-log';
import { headerOf } from '../auth/origin';
import type { Principal } from '../auth/principal';
import { describeDecision, provisionUser, type ProvisionDeps } from './provision';
import { groupsFromHeader } from './role-mapping';
import type { SsoStore } from './sso-store';

export interface ForwardAuthDeps extends ProvisionDeps {
  sso: SsoStore;
  audit: AuditLog;
}

/** `::ffff:10.0.0.5` (an IPv4 client on a dual-stack socket) is 10.0.0.5. */
function plainAddress(address: string | undefined): string | undefined {
  return address?.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** The BERTH_TRUSTED_PROXIES list as a matcher: single addresses and CIDR ranges, v4 and v6. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/**
 * Forward-auth: a proxy in front of Berth (Authelia, Authentik's outpost, oauth2-proxy…) has
 * authenticated the person and names them in headers. Those headers are believed only on a
 * connection from one of BERTH_TRUSTED_PROXIES (the socket's address, never X-Forwarded-For);
 * from anywhere else they are ignored, so a client cannot name itself admin. The groups go
 * through the same role mapping as OpenID Connect, on every request.
 */
export class ForwardAuth {
  private readonly trusted: BlockList;
  private readonly anyTrusted: boolean;
  /** The last decision audited per user, so the log gets a line per change, not per request. */
  private readonly lastAudited = new Map<string, string>();

  constructor(
    proxies: readonly string[],
    private readonly deps: ForwardAuthDeps,
  ) {
    this.trusted = trustedProxyList(proxies);
    this.anyTrusted = proxies.length > 0;
  }

  isTrusted(address: string | undefined): boolean {
    const plain = plainAddress(address);
    if (!this.anyTrusted || !plain) return false;
    return this.trusted.check(plain, isIPv6(plain) ? 'ipv6' : 'ipv4');
  }

  /** The user the trusted proxy names, or undefined (not from a proxy, no header, refused). */
  principalOf(req: IncomingMessage): Principal | undefined {
    const { forwardAuth, mapping } = this.deps.sso.settings();
    if (!forwardAuth.enabled) return undefined;
    const username = headerOf(req, forwardAuth.userHeader.toLowerCase())?.trim();
    if (!username || !this.isTrusted(req.socket.remoteAddress)) return undefined;
    const identity = {
      method: 'proxy' as const,
      externalId: `proxy:${username.toLowerCase()}`,
      username,
      groups: groupsFromHeader(headerOf(req, forwardAuth.groupsHeader.toLowerCase())),
    };
    const outcome = provisionUser(this.deps, mapping, identity);
    const detail = outcome.decision ? describeDecision(identity, outcome.decision) : '';
    const signature = `${outcome.ok}:${detail}`;
    if (this.lastAudited.get(identity.externalId) !== signature) {
      this.lastAudited.set(identity.externalId, signature);
      this.deps.audit.record({
        username,
        role: outcome.ok ? outcome.user.role : null,
        ip: plainAddress(req.socket.remoteAddress) ?? null,
        endpoint: null,
        action: 'login',
        target: username,
        status: outcome.ok ? 200 : outcome.status,
        result: outcome.ok ? 'ok' : 'denied',
        detail: outcome.ok ? detail : `${detail} ${outcome.message}`.trim(),
      });
    }
    if (!outcome.ok) return undefined;
    return {
      userId: outcome.user.id,
      username: outcome.user.username,
      role: outcome.user.role,
      via: 'proxy',
      method: 'proxy',
    };
  }
}
