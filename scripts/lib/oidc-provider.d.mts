export const OIDC_ACCOUNTS: Record<string, { password: string; groups: string[] }>;
export interface TestOidcProvider {
  /** e.g. http://127.0.0.1:40123 */
  issuer: string;
  stop(): Promise<void>;
}
export function startOidcProvider(options?: {
  host?: string;
  port?: number;
}): Promise<TestOidcProvider>;
