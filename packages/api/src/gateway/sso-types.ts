// Single sign-on: OpenID Connect login and forward-auth from a trusted proxy, as the gateway's
// /api/settings/sso and /api/auth/methods routes answer them.
import type { Role } from './auth-types';

/** One group (from the groups claim or header) and the role it gives. */
export interface SsoRoleRule {
  group: string;
  role: Role;
}

/** One group and the role it gives on one endpoint (a per-endpoint grant). */
export interface SsoEndpointRule {
  group: string;
  endpoint: string;
  role: Role;
}

/** How a provider's groups become a Berth role; the same for OIDC and forward-auth. */
export interface SsoMapping {
  /** The highest role of the rules whose group the user is in wins. */
  rules: SsoRoleRule[];
  /** The role of a user in none of the groups, or `none` to refuse them. */
  defaultRole: Role | 'none';
  /** Groups that give per-endpoint roles; a user with any sees only those endpoints. */
  endpointRules: SsoEndpointRule[];
}

export interface OidcSettings {
  enabled: boolean;
  /** What the login button says: "Sign in with <displayName>". */
  displayName: string;
  issuer: string;
  clientId: string;
  /** The secret itself never leaves the gateway. */
  clientSecretSet: boolean;
  /** Space-separated; `openid` is always asked for. */
  scopes: string;
  /** The claim that becomes the Berth user name, e.g. preferred_username or email. */
  usernameClaim: string;
  /** The claim that lists the user's groups (an array of strings, or one string). */
  groupsClaim: string;
}

export interface ForwardAuthSettings {
  enabled: boolean;
  /** Header with the user name the proxy authenticated, e.g. Remote-User. */
  userHeader: string;
  /** Header with the user's groups, comma-separated, e.g. Remote-Groups. */
  groupsHeader: string;
}

export interface LocalLoginSettings {
  /** When false, only the break-glass admin may log in with a password. */
  enabled: boolean;
  breakGlassUser: string;
}

export interface SsoSettings {
  oidc: OidcSettings;
  forwardAuth: ForwardAuthSettings;
  mapping: SsoMapping;
  localLogin: LocalLoginSettings;
  /** The redirect URI to register at the provider (from BERTH_PUBLIC_URL). */
  redirectUri: string;
  /** Where the provider may send the browser after its logout. */
  postLogoutRedirectUri: string;
  /** Proxy addresses forward-auth headers are taken from (BERTH_TRUSTED_PROXIES). */
  trustedProxies: string[];
}

export const DEFAULT_SSO_SETTINGS: Omit<
  SsoSettings,
  'redirectUri' | 'postLogoutRedirectUri' | 'trustedProxies'
> = {
  oidc: {
    enabled: false,
    displayName: '',
    issuer: '',
    clientId: '',
    clientSecretSet: false,
    scopes: 'openid profile email',
    usernameClaim: 'preferred_username',
    groupsClaim: 'groups',
  },
  forwardAuth: { enabled: false, userHeader: 'Remote-User', groupsHeader: 'Remote-Groups' },
  mapping: { rules: [], defaultRole: 'none', endpointRules: [] },
  localLogin: { enabled: true, breakGlassUser: '' },
};

/** What the login page may offer, before anyone is logged in. */
export interface LoginMethods {
  local: boolean;
  oidc: { name: string } | null;
}

/** How a session or request was authenticated, as the audit log and /api/auth/me say it. */
export type LoginMethod = 'local' | 'oidc' | 'proxy';
