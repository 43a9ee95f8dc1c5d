#!/usr/bin/env bash
# Idempotent set-up shared by `npm start`, `npm test` and CI: system packages,
# local Postgres/Redis (unless DATABASE_URL/REDIS_URL point elsewhere), npm
# dependencies, Apache Kafka for the local broker (Java 17 and the official
# jars from Maven Central) and Prometheus's promtool and server for the
# observability tests. Fast when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else log "need root for: $*"; return 1; fi; }

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  log "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Java major version of the `java` on PATH (0 when there is none).
java_major() {
  command -v java >/dev/null || { echo 0; return; }
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}

# System packages: Java 17 and Maven for the local Apache Kafka broker;
# docker-compose and kubectl to validate the compose file and the Kubernetes
# manifests (both work without an engine or a cluster); Debian's Chromium
# (driven by playwright-core, which downloads no browser) and a CJK font for
# the share page's browser tests and screenshots; Debian's prometheus
# (/usr/bin/promtool checks and unit-tests the alert rules, /usr/bin/prometheus
# is started by the tests on a free port to query a running system).
kafka_need=()
[ "$(java_major)" -ge 17 ] 2>/dev/null || kafka_need+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || kafka_need+=(maven)
if [ ${#kafka_need[@]} -gt 0 ]; then
  apt_install "${kafka_need[@]}" ||
    { log "Apache Kafka needs Java 17 and Maven: could not install ${kafka_need[*]} from Debian's packages"; exit 1; }
fi
need=()
command -v docker-compose >/dev/null || need+=(docker-compose)
command -v kubectl >/dev/null || need+=(kubernetes-client)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
[ -x /usr/bin/promtool ] && [ -x /usr/bin/prometheus ] || need+=(prometheus)
if [ -z "${DATABASE_URL:-}" ] && ! command -v pg_ctlcluster >/dev/null; then need+=(postgresql); fi
if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null; then need+=(redis-server); fi
if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}"; fi
# Debian's package enables (and, where services may start, starts) its own
# Prometheus on :9090, the port docker-compose.yml's Prometheus publishes; the
# tests run theirs on free ports. So the service is stopped and disabled
# right after installing it (one that was there before is left alone).
if [[ " ${need[*]} " == *" prometheus "* ]]; then
  log "stopping and disabling Debian's prometheus service (port 9090 stays free)"
  as_root invoke-rc.d prometheus stop >/dev/null 2>&1 || true
  as_root systemctl disable prometheus.service >/dev/null 2>&1 || as_root update-rc.d prometheus disable >/dev/null 2>&1 || true
fi

# Local services, started if stopped (only when no external URL is given).
if [ -z "${DATABASE_URL:-}" ] && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  ver=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $ver"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if [ -z "${REDIS_URL:-}" ] && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi

# npm dependencies, reinstalled when the lock file changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi
# Our fixes to dependencies (patches/): `npm ci` applies them; applied again
# here (a no-op when they are in place) for a checkout whose patches changed.
npx --no-install patch-package --error-on-fail >/dev/null

# The share service's family page: its TypeScript modules bundled into the
# script the service serves (services/share/dist/web/). Built every time (it
# takes well under a second), so `npm start` and `npm test` never serve an
# older page than the sources.
log "building the family page"
npm run --silent build:page -w services/share >/dev/null

# Apache Kafka for the local broker (npm start, the tests, the fault suite's
# cluster, the benchmarks): the official jars of the version pinned in
# tools/kafka/pom.xml, copied once from Maven Central into .cache/kafka/<version>/.
bash scripts/kafka-jars.sh
