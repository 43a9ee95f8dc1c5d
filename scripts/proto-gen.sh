#!/usr/bin/env bash
# Generates the static protobufjs module from proto/ into packages/proto/src/generated.
# With --check, regenerates into a temporary folder and fails if the committed code is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
out=packages/proto/src/generated
mode=${1:-}
target=$out
if [ "$mode" = "--check" ]; then target=$(mktemp -d); fi
mkdir -p "$target"
mapfile -t files < <(find proto -name '*.proto' | LC_ALL=C sort)
# --force-number: int64 fields are plain JS numbers (epoch milliseconds fit in 2^53).
npx pbjs -t static-module -w es6 --es6 --force-number --no-beautify -p proto -o "$target/safewatch.js" "${files[@]}"
npx pbts -o "$target/safewatch.d.ts" "$target/safewatch.js"
# pbjs imports protobufjs/minimal without an extension; Node's ESM resolver needs one.
sed -i 's#from "protobufjs/minimal"#from "protobufjs/minimal.js"#' "$target/safewatch.js"
if [ "$mode" = "--check" ]; then
  if ! diff -q "$target/safewatch.js" "$out/safewatch.js" >/dev/null || ! diff -q "$target/safewatch.d.ts" "$out/safewatch.d.ts" >/dev/null; then
    echo "generated protobuf code is stale: run 'npm run proto:gen' and commit the result" >&2
    exit 1
  fi
  echo "generated protobuf code is up to date"
fi
