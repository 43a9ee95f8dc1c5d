#!/usr/bin/env bash
# Runs the librdkafka mock Kafka broker (tools/kafka-mock/mock-broker.c),
# compiling it first when the binary is missing or older than the source.
#   scripts/kafka-mock.sh [--build-only] [mock-broker options...]
# See the header of mock-broker.c for the options and the control protocol.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/tools/kafka-mock/mock-broker.c"
out="$root/.cache/kafka-mock/mock-broker"

build() {
  if [[ ! -f /usr/include/librdkafka/rdkafka_mock.h ]] && ! pkg-config --exists rdkafka 2>/dev/null; then
    echo "kafka-mock: librdkafka headers not found; run: apt-get install librdkafka-dev gcc pkg-config" >&2
    exit 1
  fi
  local flags
  flags="$(pkg-config --cflags --libs rdkafka 2>/dev/null || echo -lrdkafka)"
  mkdir -p "$(dirname "$out")"
  # Build to a temp name so a concurrent run never executes a half-written file.
  local tmp="$out.$$"
  # shellcheck disable=SC2086 # flags are intentionally word-split
  cc -O2 -Wall -o "$tmp" "$src" $flags
  mv -f "$tmp" "$out"
}

if [[ ! -x "$out" || "$src" -nt "$out" ]]; then
  build
fi

if [[ "${1:-}" == "--build-only" ]]; then
  echo "$out"
  exit 0
fi

exec "$out" "$@"
