import { issuerProblem, type OidcSettings } from '@berth/api';
import * as oidc from 'openid-client';
import type { LoginTransaction } from './login-transaction';

export interface OidcProviderSettings extends Pick<
  OidcSettings,
  'issuer' | 'clientId' | 'scopes' | 'usernameClaim' | 'groupsClaim'
> {
  clientSecret: string;
}

export interface OidcResult {
  claims: Record<string, unknown>;
  idToken: string;
}

/** A provider problem worth telling the person (discovery failed, the answer was refused). */
export class OidcError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const DISCOVERY_TTL_MS = 10 * 60_000;

function isLoopbackHttp(issuer: string): boolean {
  return new URL(issuer).protocol === 'http:' && issuerProblem(issuer) === null;
}

/**
 * The OpenID Connect relying party, on openid-client: discovery (cached ten minutes), the
 * authorization URL with PKCE (S256), state and nonce, and the code exchange, where the library
 * checks state, the `iss` response parameter, and the ID token's signature (against the
 * provider's JWKS, with non-repudiation checks on), issuer, audience, expiry and nonce.
 */
export class OidcClient {
  private cache: { key: string; at: number; config: Promise<oidc.Configuration> } | undefined;

  constructor(readonly redirectUri: string) {}

  private configuration(s: OidcProviderSettings): Promise<oidc.Configuration> {
    const key = JSON.stringify([s.issuer, s.clientId, s.clientSecret]);
    if (this.cache && this.cache.key === key && Date.now() - this.cache.at < DISCOVERY_TTL_MS)
      return this.cache.config;
    const execute = [oidc.enableNonRepudiationChecks];
    // Plain http only to a provider on this machine (issuerProblem refuses any other).
    if (isLoopbackHttp(s.issuer)) execute.push(oidc.allowInsecureRequests);
    const config = oidc
      .discovery(
        new URL(s.issuer),
        s.clientId,
        { client_secret: s.clientSecret, redirect_uris: [this.redirectUri] },
        oidc.ClientSecretBasic(s.clientSecret),
        { execute, timeout: 10 },
      )
      .catch((error: unknown) => {
        this.cache = undefined;
        throw new OidcError(
          502,
          `The identity provider at ${s.issuer} could not be discovered: ${message(error)}`,
        );
      });
    this.cache = { key, at: Date.now(), config };
    return config;
  }

  /** Forgets the discovered provider (its settings changed). */
  reset(): void {
    this.cache = undefined;
  }

  async authorizationUrl(
    s: OidcProviderSettings,
    tx: Pick<LoginTransaction, 'state' | 'nonce' | 'codeVerifier'>,
  ): Promise<URL> {
    const config = await this.configuration(s);
    const scopes = new Set(['openid', ...s.scopes.split(/\s+/).filter(Boolean)]);
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: [...scopes].join(' '),
      state: tx.state,
      nonce: tx.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(tx.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Exchanges the code in `callbackUrl` and returns the verified claims, or throws OidcError. */
  async finish(
    s: OidcProviderSettings,
    callbackUrl: URL,
    tx: LoginTransaction,
  ): Promise<OidcResult> {
    const config = await this.configuration(s);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: tx.codeVerifier,
        expectedState: tx.state,
        expectedNonce: tx.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcError(401, `The identity provider's answer was refused: ${message(error)}`);
    }
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token)
      throw new OidcError(401, 'The identity provider sent no ID token.');
    let claims: Record<string, unknown> = { ...idClaims };
    // Many providers put profile claims and groups only in userinfo; the ID token's own claims
    // win where both have one (they are the signed ones), and userinfo must be for the same sub.
    const missing = [s.usernameClaim, s.groupsClaim].some(
      (c) => claims[c] === undefined && !c.includes('.'),
    );
    if (missing && config.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...info, ...claims };
      } catch (error) {
        throw new OidcError(502, `The identity provider's userinfo failed: ${message(error)}`);
      }
    }
    return { claims, idToken: tokens.id_token };
  }

  /** The provider's logout URL for this ID token, when it has an end-session endpoint. */
  async endSessionUrl(
    s: OidcProviderSettings,
    idToken: string,
    postLogoutRedirectUri: string,
  ): Promise<string | undefined> {
    const config = await this.configuration(s).catch(() => undefined);
    if (!config?.serverMetadata().end_session_endpoint) return undefined;
    return oidc
      .buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: postLogoutRedirectUri,
      })
      .toString();
  }
}

/**
 * The library's reason in words, with the more precise reasons it wraps (openid-client says
 * "invalid response encountered"; the cause it wraps says which claim or check failed).
 */
function message(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError)
    return `${error.error}${error.error_description ? ` (${error.error_description})` : ''}`;
  const parts: string[] = [];
  let at: unknown = error;
  for (let depth = 0; depth < 4 && at instanceof Error; depth++) {
    if (!parts.includes(at.message)) parts.push(at.message);
    const claim = (at.cause as { claim?: unknown } | undefined)?.claim;
    if (typeof claim === 'string') parts.push(`claim ${claim}`);
    at = at.cause;
  }
  return parts.length ? parts.join(': ') : String(error);
}
