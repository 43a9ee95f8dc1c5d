#!/usr/bin/env bash
# Fails when proto/ breaks wire or source compatibility (buf FILE rules)
# against main: on a branch, against main; on main, against the previous commit.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${PROTO_BREAKING_BASE:-}
if [ -z "$base" ]; then
  head=$(git rev-parse HEAD)
  main=$(git rev-parse -q --verify main || true)
  if [ -n "$main" ] && [ "$main" != "$head" ]; then base=$main
  else base=$(git rev-parse -q --verify HEAD~1 || true); fi
fi
if [ -z "$base" ] || ! git cat-file -e "$base:proto" 2>/dev/null || ! git cat-file -e "$base:buf.yaml" 2>/dev/null; then
  echo "no earlier proto/ to compare with: breaking-change check skipped"
  exit 0
fi
npx buf breaking --against ".git#ref=$base"
echo "proto/ has no breaking changes against $(git rev-parse --short "$base")"
