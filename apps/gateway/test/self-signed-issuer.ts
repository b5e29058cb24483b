// A minimal OpenID issuer whose ID tokens the TEST signs itself (with jose), to drive Berth's
// openid-client validation with tokens a real provider would never issue: a forged signature,
// an expired token, another audience. Only discovery, JWKS and the token endpoint exist; the
// authorization step is skipped (the test reads state and nonce from Berth's redirect).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export type TokenFlavour = 'good' | 'forged-signature' | 'expired' | 'wrong-audience';

export interface SelfSignedIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the next token request answers with, and the nonce to put in it. */
  next(flavour: TokenFlavour, nonce: string, groups?: string[]): void;
  close(): Promise<void>;
}

export async function startSelfSignedIssuer(): Promise<SelfSignedIssuer> {
  const published = await generateKeyPair('RS256');
  // Same kid, different key: what a forger without the provider's private key can make.
  const forger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const clientId = 'berth-self-signed';
  const clientSecret = 'self-signed-secret';
  let plan: { flavour: TokenFlavour; nonce: string; groups: string[] } | undefined;
  let issuer = '';

  const sign = async (key: CryptoKey, claims: Record<string, unknown>, exp: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setSubject('self-signed-user')
      .setIssuedAt(exp - 3600)
      .setExpirationTime(exp)
      .sign(key);

  const server: Server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (path === '/.well-known/openid-configuration')
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    if (path === '/jwks') return json(200, { keys: [jwk] });
    if (path === '/token' && req.method === 'POST') {
      req.resume();
      req.on('end', () => {
        if (!plan) return json(400, { error: 'invalid_grant' });
        const { flavour, nonce, groups } = plan;
        plan = undefined;
        const now = Math.floor(Date.now() / 1000);
        const claims = {
          aud: flavour === 'wrong-audience' ? 'some-other-client' : clientId,
          nonce,
          preferred_username: 'self-signed-user',
          groups,
        };
        const exp = flavour === 'expired' ? now - 600 : now + 600;
        const key = flavour === 'forged-signature' ? forger.privateKey : published.privateKey;
        void sign(key, claims, exp).then((idToken) =>
          json(200, { access_token: 'opaque', token_type: 'Bearer', id_token: idToken }),
        );
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    next(flavour, nonce, groups = ['ops']) {
      plan = { flavour, nonce, groups };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
