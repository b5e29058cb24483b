import {
  DEFAULT_SSO_SETTINGS,
  type ForwardAuthSettings,
  type LocalLoginSettings,
  type OidcSettings,
  type SsoMapping,
  type SsoSettingsBody,
} from '@berth/api';
import type { SecretBox } from '../secrets/crypto';
import type { Db } from '../store/database';

/** The saved form: the client secret sealed like registry passwords, never in the clear. */
interface StoredSso {
  oidc: Omit<OidcSettings, 'clientSecretSet'> & { sealedSecret: string };
  forwardAuth: ForwardAuthSettings;
  mapping: SsoMapping;
  localLogin: LocalLoginSettings;
}

export type SsoConfig = Omit<StoredSso, 'oidc'> & { oidc: OidcSettings };

const KEY = 'sso';

/** Single sign-on settings, one JSON row in `settings`; the client secret opens only here. */
export class SsoStore {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  private stored(): StoredSso {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as
      { value: string } | undefined;
    const saved = row ? (JSON.parse(row.value) as Partial<StoredSso>) : {};
    const { clientSecretSet: _set, ...oidcDefaults } = DEFAULT_SSO_SETTINGS.oidc;
    return {
      oidc: { ...oidcDefaults, sealedSecret: '', ...saved.oidc },
      forwardAuth: { ...DEFAULT_SSO_SETTINGS.forwardAuth, ...saved.forwardAuth },
      mapping: { ...DEFAULT_SSO_SETTINGS.mapping, ...saved.mapping },
      localLogin: { ...DEFAULT_SSO_SETTINGS.localLogin, ...saved.localLogin },
    };
  }

  /** The settings without the secret: what an admin's browser may see. */
  settings(): SsoConfig {
    const { sealedSecret, ...oidc } = this.stored().oidc;
    return { ...this.stored(), oidc: { ...oidc, clientSecretSet: sealedSecret !== '' } };
  }

  /** The client secret, for the token request only. */
  clientSecret(): string {
    const sealed = this.stored().oidc.sealedSecret;
    return sealed ? this.box.open(sealed) : '';
  }

  /** Saves a validated body; an absent or empty client secret keeps the saved one. */
  save(input: SsoSettingsBody): void {
    const current = this.stored();
    const { clientSecret, ...oidc } = input.oidc;
    const next: StoredSso = {
      ...input,
      oidc: {
        ...oidc,
        sealedSecret: clientSecret ? this.box.seal(clientSecret) : current.oidc.sealedSecret,
      },
    };
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(KEY, JSON.stringify(next));
  }
}
