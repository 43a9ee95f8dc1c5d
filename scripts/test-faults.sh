#!/usr/bin/env bash
# The fault suite (faults/): ingest, alerts, bindings and share as real
# processes on a throw-away Postgres cluster, a throw-away Redis and a 3-node
# Apache Kafka cluster on this machine, while a simulated fleet streams and
# faults are injected (SIGKILL of ingest and alerts, Postgres and Redis
# restarts, a rebalance, Kafka nodes killed and restarted, the cluster frozen
# and stopped). Prints a table of counts and how long each phase took.
# Arguments go to vitest. Service logs: .cache/faults/run-*/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Only what this suite needs; the full set-up runs when something is missing.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] ||
  ! command -v redis-server >/dev/null || { [ -z "$pg_bin" ] && ! command -v initdb >/dev/null; } ||
  ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  bash scripts/setup.sh
fi
bash scripts/kafka-jars.sh >/dev/null

started=$(date +%s)
status=0
npx vitest run --config faults/vitest.config.ts "$@" || status=$?
echo "fault suite: $(($(date +%s) - started)) s ($([ "$status" -eq 0 ] && echo passed || echo FAILED))"
exit "$status"
