import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const flag = z
  .enum(['', '0', '1', 'true', 'false'], { message: 'must be 1, 0, true or false' })
  .transform((v) => v === '1' || v === 'true');

const configSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(7420),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DOCKER_HOST: z
    .string()
    .regex(
      /^(unix|tcp|ssh):\/\/.+/,
      'must look like unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host',
    )
    .default('unix:///var/run/docker.sock'),
  // More addresses of the DOCKER_HOST engine (a swarm's other managers): the gateway switches
  // to the next that answers when the one in use stops. Comma separated; unix:// or tcp://.
  BERTH_FAILOVER_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(unix|tcp):\/\/.+/,
            'must list unix:// or tcp:// addresses, comma separated (ssh:// pins one host key)',
          ),
      ),
    ),
  DOCKER_TLS_VERIFY: flag.default(false),
  DOCKER_TLS: flag.default(false),
  DOCKER_CERT_PATH: z.string().optional(),
  BERTH_DATA: z.string().min(1).default('.berth'),
  BERTH_STATIC_DIR: z.string().optional(),
  BERTH_DEMO: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BERTH_ADMIN_PASSWORD: z.string().optional(),
  BERTH_TLS_CERT: z.string().optional(),
  BERTH_TLS_KEY: z.string().optional(),
  BERTH_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((o) => /^https?:\/\/[^/]+$/.test(o)),
      'must be a comma-separated list of origins like https://berth.example.com',
    ),
  // Where browsers reach Berth (behind a proxy, say): the OIDC redirect URI is built from it,
  // never from a request's Host header.
  BERTH_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+(\/[^?#]*)?$/, 'must be a URL like https://berth.example.com')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  // Addresses (or CIDR ranges) of proxies whose forward-auth headers Berth believes.
  BERTH_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((p) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p)),
      'must be a comma-separated list of addresses or CIDR ranges like 10.0.0.5,172.18.0.0/16',
    ),
  // A sub-path Berth is served under behind a reverse proxy (/berth): app, API and websockets.
  BERTH_BASE_PATH: z
    .string()
    .transform((v) => v.replace(/\/+$/, ''))
    .pipe(
      z
        .string()
        .regex(
          /^(\/[A-Za-z0-9._~-]+)*$/,
          'must be a path like /berth (letters, digits, . _ ~ - between slashes)',
        ),
    )
    .default(''),
  BERTH_SESSION_IDLE_MINUTES: z.coerce
    .number({ message: 'must be a number of minutes' })
    .int()
    .min(1, 'must be at least 1')
    .default(480),
  BERTH_SESSION_MAX_HOURS: z.coerce
    .number({ message: 'must be a number of hours' })
    .int()
    .min(1, 'must be at least 1')
    .default(168),
});

export interface Config {
  port: number;
  host: string;
  dockerHost: string;
  /** More addresses of the same engine, tried in turn (BERTH_FAILOVER_HOSTS). */
  failoverHosts: string[];
  tls: { verify: boolean; enabled: boolean; certPath: string | undefined };
  dataDir: string;
  /** The built SPA; absent in development (Vite serves it). */
  staticDir: string;
  demo: boolean;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  /** Creates user `admin` with this password on first start, instead of the first-run page. */
  adminPassword: string | undefined;
  /** HTTPS when both are set (PEM files). */
  tlsFiles: { cert: string; key: string } | undefined;
  /** Origins besides the gateway's own a browser may use (behind a proxy, another name). */
  extraOrigins: string[];
  session: { idleMs: number; absoluteMs: number };
  /** BERTH_PUBLIC_URL without a trailing slash, when set. */
  publicUrl: string | undefined;
  /** BERTH_TRUSTED_PROXIES: forward-auth headers count only from these addresses. */
  trustedProxies: string[];
  /** BERTH_BASE_PATH without a trailing slash ('' when Berth is served at /). */
  basePath: string;
}

export class ConfigError extends Error {}

/** Reads the environment once at start; a bad value stops the gateway with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Treat empty variables as unset so `PORT= npm start` means the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const got = env[name] === undefined ? '' : ` (got ${JSON.stringify(env[name])})`;
    throw new ConfigError(`invalid configuration: ${name} ${issue?.message ?? 'is invalid'}${got}`);
  }
  const c = parsed.data;
  if (Boolean(c.BERTH_TLS_CERT) !== Boolean(c.BERTH_TLS_KEY)) {
    throw new ConfigError(
      'invalid configuration: BERTH_TLS_CERT and BERTH_TLS_KEY must be set together',
    );
  }
  const here = fileURLToPath(new URL('.', import.meta.url));
  return {
    port: c.PORT,
    host: c.HOST,
    dockerHost: c.DOCKER_HOST,
    failoverHosts: c.BERTH_FAILOVER_HOSTS,
    tls: {
      verify: c.DOCKER_TLS_VERIFY,
      enabled: c.DOCKER_TLS || c.DOCKER_TLS_VERIFY,
      certPath: c.DOCKER_CERT_PATH,
    },
    dataDir: resolve(c.BERTH_DATA),
    // dist/main.js and src/main.ts both sit two levels below apps/.
    staticDir: resolve(c.BERTH_STATIC_DIR ?? resolve(here, '../../web/dist')),
    demo: c.BERTH_DEMO,
    logLevel: c.LOG_LEVEL,
    adminPassword: c.BERTH_ADMIN_PASSWORD,
    tlsFiles:
      c.BERTH_TLS_CERT && c.BERTH_TLS_KEY
        ? { cert: c.BERTH_TLS_CERT, key: c.BERTH_TLS_KEY }
        : undefined,
    extraOrigins: c.BERTH_PUBLIC_URL
      ? [...c.BERTH_ORIGINS, new URL(c.BERTH_PUBLIC_URL).origin]
      : c.BERTH_ORIGINS,
    publicUrl: c.BERTH_PUBLIC_URL,
    trustedProxies: c.BERTH_TRUSTED_PROXIES,
    basePath: c.BERTH_BASE_PATH,
    session: {
      idleMs: c.BERTH_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: c.BERTH_SESSION_MAX_HOURS * 3_600_000,
    },
  };
}
