import type { IncomingMessage } from 'node:http';
import type { Role } from '@berth/api';
import { roleAtLeast } from '@berth/api';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { RequestHandler, Response } from 'express';
import type { AuditLog } from '../audit/audit-log';
import { HttpError } from '../http/errors';
import type { Logger } from '../logger';
import type { EndpointStore } from '../endpoints/endpoint-store';
import type { Db } from '../store/database';
import type { RegistryStore } from '../store/registries';
import type { SettingsStore } from '../store/settings';
import type { SsoStore } from '../sso/sso-store';
import { ForwardAuth } from '../sso/forward-auth';
import { headerOf, type OriginPolicy } from './origin';
import { hashPassword, passwordProblem } from './passwords';
import { lowerRole, type Principal } from './principal';
import { LoginLimiter } from './rate-limit';
import type { SessionStore } from './sessions';
import type { TokenStore } from './tokens';
import type { User, UserStore } from './users';

export const SESSION_COOKIE = 'berth_session';
/** Header a same-origin script sends on mutations when the browser omits Origin. */
export const CSRF_HEADER = 'x-berth-csrf';

export interface SecurityDeps {
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  tokens: TokenStore;
  audit: AuditLog;
  settings: SettingsStore;
  sso: SsoStore;
  registries: RegistryStore;
  endpoints: EndpointStore;
  origins: OriginPolicy;
  secureCookies: boolean;
  logger: Logger;
  /** BERTH_TRUSTED_PROXIES: forward-auth headers count only from these addresses. */
  trustedProxies: readonly string[];
  /** BERTH_BASE_PATH ('' at /): the session cookie's Path. */
  basePath?: string;
}

/** How the browser reached Berth: the Host it used and whether over HTTPS. */
export interface RequestView {
  host: string | undefined;
  secure: boolean;
}

/** The first value of a forwarded header (`a, b`: the proxy nearest the browser wrote `a`). */
function firstForwarded(req: IncomingMessage, name: string): string | undefined {
  return headerOf(req, name)?.split(',')[0]?.trim() || undefined;
}

/** Everything the gateway needs to decide who is calling and what they may do. */
export class Security {
  /** Failed logins: 10 per user name, and 50 per address (a shared NAT or a script, not a lock-out). */
  readonly userLimiter = new LoginLimiter(10);
  readonly ipLimiter = new LoginLimiter(50);

  readonly forwardAuth: ForwardAuth;

  constructor(readonly deps: SecurityDeps) {
    this.forwardAuth = new ForwardAuth(deps.trustedProxies, deps);
  }

  /**
   * The Host and scheme the browser used. Behind a reverse proxy they are the proxy's
   * X-Forwarded-Host and X-Forwarded-Proto, believed only on a connection from one of
   * BERTH_TRUSTED_PROXIES (the socket's address); from anyone else those headers are ignored,
   * so a client cannot pass itself off as another origin or as HTTPS.
   */
  viewOf(req: IncomingMessage): RequestView {
    const own = { host: req.headers.host, secure: this.deps.secureCookies };
    if (!this.forwardAuth.isTrusted(req.socket.remoteAddress)) return own;
    const proto = firstForwarded(req, 'x-forwarded-proto')?.toLowerCase();
    return {
      host: firstForwarded(req, 'x-forwarded-host') ?? own.host,
      secure: proto === undefined ? own.secure : proto === 'https',
    };
  }

  /** Secure cookies over HTTPS, also when only the trusted proxy in front speaks HTTPS. */
  cookieSecure(res: Response): boolean {
    return this.deps.secureCookies || this.viewOf(res.req).secure;
  }

  get users() {
    return this.deps.users;
  }

  /** First start with BERTH_ADMIN_PASSWORD: create `admin` (the first-run page is skipped). */
  async bootstrapAdmin(password: string | undefined): Promise<void> {
    if (!password || this.deps.users.count() > 0) return;
    const problem = passwordProblem(password, 'admin');
    if (problem) throw new Error(`BERTH_ADMIN_PASSWORD is not acceptable: ${problem}`);
    this.deps.users.createFirstAdmin('admin', await hashPassword(password));
    this.deps.logger.info('created user admin from BERTH_ADMIN_PASSWORD');
  }

  /**
   * The role a principal has on one endpoint, or undefined when it may not see it at all. A user
   * with per-endpoint roles sees only those endpoints, with those roles (a token never more
   * than its own role); a user without any sees every endpoint with their own role.
   */
  endpointRole(principal: Principal | undefined, endpointId: string): Role | undefined {
    if (!principal) return undefined;
    const grants = this.deps.endpoints.grants(principal.userId);
    if (grants.length === 0) return principal.role;
    const grant = grants.find((g) => g.endpoint === endpointId);
    if (!grant) return undefined;
    return principal.tokenRole ? lowerRole(grant.role, principal.tokenRole) : grant.role;
  }

  /**
   * Whether `username` may log in with a password: always while local login is on; when an admin
   * turned it off, only the break-glass admin (a local, enabled admin) still may.
   */
  passwordLoginAllowed(user: User): boolean {
    const { localLogin } = this.deps.sso.settings();
    if (localLogin.enabled) return true;
    return (
      user.role === 'admin' &&
      user.externalId === null &&
      localLogin.breakGlassUser.toLowerCase() === user.username.toLowerCase()
    );
  }

  setupNeeded(): boolean {
    return this.deps.users.count() === 0;
  }

  /**
   * Who sent this request (bearer token first, then a trusted proxy's forward-auth headers,
   * then the session cookie), or undefined.
   */
  principalOf(req: IncomingMessage): Principal | undefined {
    const authorization = headerOf(req, 'authorization');
    if (authorization?.startsWith('Bearer ')) {
      const token = this.deps.tokens.resolve(authorization.slice(7).trim());
      const user = token && this.deps.users.byId(token.userId);
      if (!token || !user || user.disabled) return undefined;
      // A token never does more than its owner can do today.
      return {
        userId: user.id,
        username: user.username,
        role: lowerRole(token.role, user.role),
        via: 'token',
        tokenId: token.id,
        tokenRole: token.role,
      };
    }
    // A trusted proxy authenticates every request itself; its header wins over a cookie.
    const proxied = this.forwardAuth.principalOf(req);
    if (proxied) return proxied;
    const secret = parseCookies(headerOf(req, 'cookie') ?? '')[SESSION_COOKIE];
    if (!secret) return undefined;
    const session = this.deps.sessions.resolve(secret);
    const user = session && this.deps.users.byId(session.userId);
    if (!user || user.disabled) return undefined;
    return {
      userId: user.id,
      username: user.username,
      role: user.role,
      via: 'session',
      method: session.method,
      sessionSecret: secret,
    };
  }

  setSessionCookie(res: Response, secret: string): void {
    res.append(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.cookieSecure(res),
        path: `${this.deps.basePath ?? ''}/`,
        maxAge: Math.floor(this.deps.sessions.policy.absoluteMs / 1000),
      }),
    );
  }

  clearSessionCookie(res: Response): void {
    res.append(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, '', {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.cookieSecure(res),
        path: `${this.deps.basePath ?? ''}/`,
        maxAge: 0,
      }),
    );
  }

  /** Refuses requests whose Host header Berth does not answer to (DNS rebinding). */
  hostGuard(): RequestHandler {
    return (req, _res, next) => {
      const { host } = this.viewOf(req);
      if (this.deps.origins.hostAllowed(host)) return next();
      next(
        new HttpError(
          421,
          `Berth does not answer to the host name "${host ?? ''}". Add its origin to BERTH_ORIGINS.`,
        ),
      );
    };
  }

  /**
   * Cross-site request forgery: a browser mutation must come from one of Berth's own origins, or
   * (when the browser sends no Origin) carry the CSRF header, which a foreign page cannot set
   * without a CORS preflight Berth never grants. Bearer-token clients are not browsers.
   */
  csrfProblem(req: IncomingMessage, principal: Principal | undefined): string | undefined {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? 'GET')) return undefined;
    if (principal?.via === 'token') return undefined;
    const origin = headerOf(req, 'origin');
    // Without a session there is no ambient authority to forge; a foreign page is still refused.
    if (!principal && origin === undefined) return undefined;
    if (origin !== undefined) {
      const view = this.viewOf(req);
      return this.deps.origins.originAllowed(origin, view.host, view.secure)
        ? undefined
        : `Requests from ${origin} are not allowed (cross-site). Berth's origins: ${this.deps.origins.describe()}; add others to BERTH_ORIGINS.`;
    }
    return headerOf(req, CSRF_HEADER)
      ? undefined
      : `A browser request that changes something needs an Origin header or the ${CSRF_HEADER} header.`;
  }

  /** Resolves the caller into res.locals.principal and applies the CSRF rule to mutations. */
  authenticate(): RequestHandler {
    return (req, res, next) => {
      const principal = this.principalOf(req);
      const problem = this.csrfProblem(req, principal);
      if (problem) {
        this.deps.audit.record({
          username: principal?.username ?? null,
          role: principal?.role ?? null,
          ip: req.ip ?? null,
          endpoint: null,
          action: 'csrf',
          target: req.originalUrl.split('?')[0] ?? null,
          status: 403,
          result: 'denied',
          detail: problem,
        });
        return next(new HttpError(403, problem));
      }
      res.locals.principal = principal;
      next();
    };
  }

  /** Lets a request through only with a principal of at least `role`. */
  require(role: Role = 'viewer'): RequestHandler {
    return (_req, res, next) => {
      const principal = res.locals.principal;
      if (!principal) {
        const message = this.setupNeeded()
          ? 'Berth has no admin yet: create one on the first-run page.'
          : 'Log in first.';
        return next(new HttpError(401, message));
      }
      if (!roleAtLeast(principal.role, role)) {
        return next(new HttpError(403, `This needs the ${role} role; you are ${principal.role}.`));
      }
      next();
    };
  }
}
