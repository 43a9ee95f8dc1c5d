#!/usr/bin/env bash
# `npm start`: set up what is missing, then run the whole system locally.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node --import tsx --conditions=source scripts/start.ts "$@"
