#!/usr/bin/env bash
# Static checks of the deployment files (tools/validate-deploy); --help lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node --import tsx --conditions=source tools/validate-deploy/main.ts "$@"
