#!/usr/bin/env bash
# The fault suite (faults/): ingest, alerts, bindings and share as real
# processes on a throw-away Postgres cluster, a throw-away Redis and a 3-node
# Apache Kafka cluster on this machine (replication factor 3,
# min.insync.replicas 2), while a simulated fleet streams and faults are
# injected in turn: SIGKILL of ingest and of alerts, Postgres and Redis
# restarts, a rebalance between two ingest instances, SIGKILL of the node
# leading a busy positions.raw partition and then of the one leading a busy
# positions.accepted partition (each started again on its data), one node
# restarted with a controlled stop, all three nodes frozen for 25 s, all three
# stopped and started again. Then checks that nothing was lost or stored
# twice, every alert raised once, every last position the newest, and prints
# a table of counts, a note per fault and how long each phase took.
# Arguments go to vitest (e.g. -t Kafka). Logs: .cache/faults/run-*/.
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
