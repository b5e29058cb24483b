import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { AuditLog } from './audit/audit-log';
import { OriginPolicy } from './auth/origin';
import { Security } from './auth/security';
import { SessionStore } from './auth/sessions';
import { TokenStore } from './auth/tokens';
import { UserStore } from './auth/users';
import type { Config } from './config';
import { Endpoint } from './endpoints/endpoint';
import { EndpointStore } from './endpoints/endpoint-store';
import { EndpointRegistry } from './endpoints/registry';
import { endpointFrom } from './http/endpoint-routes';
import { Transport, tlsFromCertPath } from './endpoints/transport';
import { createApp } from './http/app';
import { matchBasePath, mountUnderBasePath } from './http/base-path';
import { LiveHubs } from './hubs/live-hubs';
import { WallStore } from './wall/wall-store';
import { StackService } from './stacks/stack-service';
import { StackStore } from './stacks/stack-store';
import type { Logger } from './logger';
import { Metrics, StreamTally } from './metrics';
import { attachRoute, execRoute, logsRoute } from './channels/channel-routes';
import { attachModelChannel } from './model/model-channel';
import { SecretBox } from './secrets/crypto';
import { closeServer, createHttpServer, rejectUpgrade } from './server';
import { openDatabase } from './store/database';
import { RegistryStore } from './store/registries';
import { SettingsStore } from './store/settings';
import { OidcClient } from './sso/oidc-client';
import { SsoStore } from './sso/sso-store';
import { UpgradeRouter } from './ws/upgrade-router';

export interface Gateway {
  /** Where it listens, e.g. http://127.0.0.1:7420. */
  url: string;
  registry: EndpointRegistry;
  security: Security;
  close(): Promise<void>;
}

/** Builds the whole gateway from a config and starts listening; used by main and by the tests. */
export async function startGateway(config: Config, logger: Logger): Promise<Gateway> {
  // Listen first: with PORT=0 the real port is only known now, and the origins depend on it.
  // Until the app is attached below, a request would get no answer at all (a client without a
  // timeout would wait forever): say "starting" instead, and refuse websocket upgrades.
  const server = createHttpServer(config.tlsFiles);
  const starting = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
    res.end(JSON.stringify({ message: 'Berth is starting; try again in a moment.' }));
  };
  const refuseUpgrade = (_req: IncomingMessage, socket: Duplex) => socket.destroy();
  server.on('request', starting);
  server.on('upgrade', refuseUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const secure = Boolean(config.tlsFiles);

  const db = openDatabase(config.dataDir);
  const box = SecretBox.open(config.dataDir);
  const endpointStore = new EndpointStore(db, box);
  const sessions = new SessionStore(db, config.session);
  const security = new Security({
    db,
    users: new UserStore(db),
    sessions,
    tokens: new TokenStore(db),
    audit: new AuditLog(db),
    settings: new SettingsStore(db),
    sso: new SsoStore(db, box),
    registries: new RegistryStore(db, box),
    endpoints: endpointStore,
    origins: new OriginPolicy({
      host: config.host,
      port,
      secure,
      extraOrigins: config.extraOrigins,
    }),
    secureCookies: secure,
    logger,
    trustedProxies: config.trustedProxies,
    basePath: config.basePath,
  });
  await security.bootstrapAdmin(config.adminPassword);

  // Where browsers reach Berth: BERTH_PUBLIC_URL, else the address it listens on (unless that is
  // a wildcard, which no browser can be sent back to). Never a request's Host header.
  const ownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const publicUrl =
    config.publicUrl ??
    (['0.0.0.0', '::', '[::]'].includes(config.host)
      ? undefined
      : `${secure ? 'https' : 'http'}://${ownHost}:${port}${config.basePath}`);
  const redirectUri = publicUrl && `${publicUrl}/api/auth/oidc/callback`;
  const sso = {
    box,
    oidc: redirectUri ? new OidcClient(redirectUri) : undefined,
    redirectUri,
    postLogoutRedirectUri: publicUrl && `${publicUrl}/login`,
    trustedProxies: config.trustedProxies,
  };

  const metrics = new Metrics();
  const registry = new EndpointRegistry(logger);
  const localTls = tlsFromCertPath(config.tls.certPath, config.tls.verify, config.tls.enabled);
  registry.add(
    new Endpoint({
      id: 'local',
      name: config.demo ? 'demo engine' : 'local',
      transport: new Transport(config.dockerHost, localTls),
      alternates: config.failoverHosts.map((host) => new Transport(host, localTls)),
      demo: config.demo,
      source: 'environment',
    }),
  );
  for (const saved of endpointStore.list()) registry.add(endpointFrom(saved, endpointStore));

  // Live hubs per endpoint: one engine events stream and the shared stats streams it drives.
  const hubs = new LiveHubs(registry, logger);
  metrics.countStreams(() => hubs.counts());
  const terminalStreams = new StreamTally();
  metrics.countStreams(() => terminalStreams.counts());

  const upgrades = new UpgradeRouter(security, registry, logger);
  upgrades.route('events', (ws, { endpoint }) => {
    metrics.wsClients.inc({ kind: 'events' });
    ws.on('close', () => metrics.wsClients.dec({ kind: 'events' }));
    const live = hubs.for(endpoint);
    live.events.attach(ws);
    // The engine model rides on the same socket, for clients that subscribe to it.
    attachModelChannel(ws, live.model);
  });
  upgrades.route('stats', (ws, { endpoint }) => {
    metrics.wsClients.inc({ kind: 'stats' });
    ws.on('close', () => metrics.wsClients.dec({ kind: 'stats' }));
    hubs.for(endpoint).stats.attach(ws);
  });
  const terminals = {
    audit: security.deps.audit,
    track: (endpoint: string, kind: 'exec' | 'attach' | 'logs') => {
      metrics.wsClients.inc({ kind });
      const done = terminalStreams.open(endpoint, kind);
      return () => {
        metrics.wsClients.dec({ kind });
        done();
      };
    },
  };
  upgrades.relayUpgrades({
    audit: security.deps.audit,
    track: (endpoint, kind) => terminalStreams.open(endpoint, kind),
  });
  upgrades.route('exec', (ws, ctx) => void execRoute(terminals)(ws, ctx));
  upgrades.route('attach', (ws, ctx) => void attachRoute(terminals)(ws, ctx));
  upgrades.route('logs', (ws, ctx) => void logsRoute(terminals)(ws, ctx));
  server.off('request', starting);
  server.off('upgrade', refuseUpgrade);
  server.on(
    'request',
    mountUnderBasePath(
      config.basePath,
      createApp({
        config,
        registry,
        security,
        metrics,
        logger,
        endpointStore,
        sso,
        wall: new WallStore(db),
        stacks: new StackService(new StackStore(db), security, config.dataDir),
      }),
    ),
  );
  server.on('upgrade', (req, socket, head: Buffer) => {
    const match = matchBasePath(config.basePath, req.url);
    if (!('path' in match)) {
      socket.on('error', () => socket.destroy());
      return rejectUpgrade(socket, 404, `Berth is served under ${config.basePath}/.`);
    }
    req.url = match.path;
    upgrades.handle(req, socket, head);
  });

  await registry.start();
  const purge = setInterval(() => sessions.purgeExpired(), 3_600_000);
  purge.unref();

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `${secure ? 'https' : 'http'}://${host}:${port}${config.basePath}`,
    registry,
    security,
    close: async () => {
      clearInterval(purge);
      upgrades.close();
      hubs.close();
      registry.close();
      await closeServer(server);
      db.close();
    },
  };
}
