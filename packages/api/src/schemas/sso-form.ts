// The single sign-on settings body: the gateway parses `PUT /api/settings/sso` with it and the
// settings form validates with it, so both agree on what a valid provider setup is.
import { z } from 'zod';
import { roleSchema } from './gateway-requests';

const group = z
  .string({ message: 'Enter a group' })
  .trim()
  .min(1, 'Enter a group')
  .max(200, 'At most 200 characters');

/** HTTP header names (RFC 9110 token characters). */
const headerName = z
  .string()
  .trim()
  .min(1, 'Enter a header name')
  .max(100)
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'Letters, digits and dashes only, e.g. Remote-User');

const claimName = z
  .string()
  .trim()
  .min(1, 'Enter a claim name')
  .max(100)
  .regex(/^[A-Za-z0-9_:./-]+$/, 'A claim name such as preferred_username or groups');

/**
 * An issuer must be https, except on a loopback address (a provider on the same machine, or
 * tests): tokens and the client secret travel to it.
 */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Enter the issuer URL, e.g. https://id.example.com/realms/main';
  }
  if (url.search || url.hash) return 'The issuer URL has no query or fragment';
  if (url.protocol === 'https:') return null;
  const loopback = ['localhost', '[::1]'].includes(url.hostname) || /^127\./.test(url.hostname);
  return url.protocol === 'http:' && loopback
    ? null
    : 'The issuer must use https:// (plain http only on a loopback address)';
}

export const ssoMappingSchema = z.object({
  rules: z.array(z.object({ group, role: roleSchema })).max(100),
  defaultRole: z.enum(['none', 'viewer', 'operator', 'admin'], {
    message: 'Choose none, viewer, operator or admin',
  }),
  endpointRules: z
    .array(
      z.object({
        group,
        endpoint: z.string().trim().min(1, 'Enter an endpoint id').max(100),
        role: roleSchema,
      }),
    )
    .max(200),
});

export const oidcSettingsSchema = z
  .object({
    enabled: z.boolean(),
    displayName: z.string().trim().max(60, 'At most 60 characters'),
    issuer: z.string().trim().max(500),
    clientId: z.string().trim().max(300),
    /** Left out (or empty) keeps the saved secret; it is never sent back. */
    clientSecret: z.string().max(4096).optional(),
    scopes: z
      .string()
      .trim()
      .max(500)
      .regex(/^[\x21\x23-\x5b\x5d-\x7e ]*$/, 'Scopes are words separated by spaces'),
    usernameClaim: claimName,
    groupsClaim: claimName,
  })
  .superRefine((oidc, ctx) => {
    if (!oidc.enabled) return;
    const problem = issuerProblem(oidc.issuer);
    if (problem) ctx.addIssue({ code: 'custom', path: ['issuer'], message: problem });
    if (!oidc.clientId)
      ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'Enter the client id' });
  });

export const ssoSettingsSchema = z.object({
  oidc: oidcSettingsSchema,
  forwardAuth: z.object({
    enabled: z.boolean(),
    userHeader: headerName,
    groupsHeader: headerName,
  }),
  mapping: ssoMappingSchema,
  localLogin: z.object({
    enabled: z.boolean(),
    breakGlassUser: z.string().trim().max(64),
  }),
});

export type SsoSettingsInput = z.input<typeof ssoSettingsSchema>;
export type SsoSettingsBody = z.output<typeof ssoSettingsSchema>;
