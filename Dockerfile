# Berth's own image: the gateway bundle, the built web app and the gateway's production
# dependencies on Node, run as a non-root user.
#
#   docker build -t berth .
#   docker run -d --name berth -p 7420:7420 \
#     -v /var/run/docker.sock:/var/run/docker.sock \
#     --group-add "$(stat -c %g /var/run/docker.sock)" \
#     -v berth-data:/data berth
#
# The user (berth, uid 7420) is in no group that may use the engine socket: `--group-add` gives
# it the socket's group (its gid on the host), so the container never runs as root.
#
# BASE picks the Node image (Debian-based, Node >= 20.19, with apt-get for the build stage).
# Berth's tests build from a base made locally (scripts/lib/node-base.mjs: Debian's nodejs in a
# mmdebstrap rootfs, no registry) and the `prebuilt` target, which takes an already built
# workspace from the context instead of building it (see apps/gateway/test/image.test.ts).
ARG BASE=node:22-slim

# ── What every Berth image is, without the app (the stages below add it) ──────────────────
FROM ${BASE} AS runtime
ARG BERTH_VERSION=0.1.0
LABEL org.opencontainers.image.title="Berth" \
      org.opencontainers.image.description="A browser dashboard for Docker Engine and PouchContainer" \
      org.opencontainers.image.version="${BERTH_VERSION}" \
      org.opencontainers.image.documentation="README.md and docs/operations.md in the source"
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=7420 \
    BERTH_DATA=/data \
    DOCKER_HOST=unix:///var/run/docker.sock
RUN groupadd --system --gid 7420 berth \
 && useradd --system --uid 7420 --gid berth --home-dir /data --shell /usr/sbin/nologin berth \
 && mkdir -p /data /app \
 && chown berth:berth /data
COPY docker/healthcheck.mjs /app/healthcheck.mjs
WORKDIR /app
# Users, sessions, endpoints, the audit log and the secret key (SQLite and a key file).
VOLUME /data
EXPOSE 7420
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/app/healthcheck.mjs"]
USER berth
CMD ["node", "apps/gateway/dist/main.js"]

# ── The app from an already built workspace (tests): prebuilt/ holds apps/gateway/{dist,
# package.json,node_modules} (`pnpm deploy --prod`) and apps/web/dist ───────────────────────
FROM runtime AS prebuilt
COPY prebuilt/ /app/

# ── Build from source ─────────────────────────────────────────────────────────────────────
FROM ${BASE} AS build
# better-sqlite3 is native: it compiles when no prebuilt binary matches this Node.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN npm install -g pnpm@10.34.9
WORKDIR /src
# Manifests first: the dependency layer is cached until the lockfile changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/gateway/package.json apps/gateway/
COPY apps/web/package.json apps/web/
COPY packages/api/package.json packages/api/
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @berth/gateway --filter @berth/web run build \
 && pnpm --filter @berth/gateway deploy --prod --legacy /deploy

# ── The released image (the default target) ──────────────────────────────────────────────
FROM runtime AS release
COPY --from=build /deploy/package.json /app/apps/gateway/package.json
COPY --from=build /deploy/node_modules /app/apps/gateway/node_modules
COPY --from=build /src/apps/gateway/dist /app/apps/gateway/dist
COPY --from=build /src/apps/web/dist /app/apps/web/dist
