# One image recipe for every Safe Watch service, selected at build time:
#
#   docker build --build-arg SERVICE=ingest -t safewatch/ingest .
#   docker build --build-arg SERVICE=simulator --build-arg SERVICE_DIR=packages/simulator \
#                --build-arg SERVICE_MAIN=packages/simulator/dist/cli.js -t safewatch/simulator .
#
# A service lives in services/<SERVICE> and starts from dist/main.js; override
# SERVICE_DIR / SERVICE_MAIN for anything else. Every image also carries the
# common CLIs and all services' SQL migrations, so the same image runs the
# one-shot steps:
#   node packages/common/dist/cli/provision-topics.js
#   node packages/common/dist/cli/migrate.js

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# Only the lockfile and the package.json files, so that the install layers
# below are reused until dependencies change, however many workspaces exist.
FROM base AS manifests
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete \
 && find . -type d -empty -delete

FROM base AS build
COPY --from=manifests /app ./
# No install scripts: the TypeScript build needs none, and skipping them keeps
# testcontainers' optional native addons (ssh2/cpu-features) from compiling.
RUN npm ci --ignore-scripts
COPY . .
# Our fixes to dependencies (patches/, applied by patch-package as `npm ci`'s
# postinstall does outside this file); the runtime tree takes the patched copies.
RUN npx patch-package --error-on-fail \
 && npm run build

# Production dependencies of the selected workspace only (and of the
# workspaces it depends on), e.g. no testcontainers, vitest or typescript.
FROM base AS prod-deps
ARG SERVICE
ARG SERVICE_DIR=services/${SERVICE}
COPY --from=manifests /app ./
RUN if [ -z "$SERVICE" ] || [ ! -f "$SERVICE_DIR/package.json" ]; then \
      echo "no workspace at '$SERVICE_DIR': pass --build-arg SERVICE=<name> (and SERVICE_DIR for packages/*)" >&2; \
      exit 1; \
    fi \
 && npm ci --omit=dev --ignore-scripts --workspace "$SERVICE_DIR"

# The runtime tree: production node_modules plus the dist/ of each workspace
# that npm linked above, and every service's migrations (migrate.js runs them all).
FROM prod-deps AS tree
COPY --from=build /app/packages /tmp/build/packages
COPY --from=build /app/services /tmp/build/services
RUN set -e; \
    for link in node_modules/@safewatch/*; do \
      ws="$(realpath --relative-to=/app "$link")"; \
      cp -R "/tmp/build/$ws/dist" "$ws/dist"; \
    done; \
    for dir in /tmp/build/services/*/migrations; do \
      [ -d "$dir" ] || continue; \
      svc="$(basename "$(dirname "$dir")")"; \
      mkdir -p "services/$svc"; \
      cp -R "$dir" "services/$svc/migrations"; \
    done; \
    rm -rf /tmp/build
# The dependencies patched in the build stage (see patches/), over their unpatched installs.
COPY --from=build /app/node_modules/kafkajs node_modules/kafkajs

FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM to node and reaps zombies; the package
# managers are not needed at run time, so they leave the image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
           /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
           /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-*
WORKDIR /app
ARG SERVICE
ARG SERVICE_DIR=services/${SERVICE}
ARG SERVICE_MAIN=${SERVICE_DIR}/dist/main.js
# Port of /healthz, /readyz and /metrics; each service's build passes its own.
ARG PORT=9101
# A larger V8 young generation: the services allocate per message, and
# scavenges cost 10-15% of ingest's CPU with the default (see BENCHMARKS.md).
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=64 \
    SERVICE=${SERVICE} \
    SERVICE_MAIN=${SERVICE_MAIN} \
    PORT=${PORT}
# Owned by root and read-only for the app user.
COPY --from=tree /app /app
# The base image's `node` user (uid 1000), numeric so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE ${PORT}
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/bin/sh", "-c", "exec node \"$SERVICE_MAIN\""]
