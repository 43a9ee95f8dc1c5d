#!/usr/bin/env bash
# The whole test suite: static checks, then unit and integration tests against
# real Postgres, Redis and a Kafka-protocol broker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== lint (biome, buf)"; npm run --silent lint
echo "== typecheck"; npm run --silent typecheck
echo "== generated protobuf code"; npm run --silent proto:check
echo "== protobuf breaking changes"; npm run --silent proto:breaking
echo "== deployment files"; bash scripts/validate-deploy.sh
echo "== production build (what the images run)"; npm run --silent build >/dev/null
echo "== tests"
report=.cache/vitest-report.json
mkdir -p .cache
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
# One plain closing line, whatever the runner prints above it.
node -e 'const r = require(process.argv[1]); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`)' "$PWD/$report" || true
# The fault suite (the whole system as processes; faults injected): on a full run only.
if [ "$#" -eq 0 ] && [ "${SKIP_FAULTS:-0}" != 1 ]; then
  echo "== fault suite (npm run test:faults)"
  bash scripts/test-faults.sh || status=1
fi
exit "$status"
