#!/usr/bin/env bash
# Copies the Apache Kafka jars of the version pinned in tools/kafka/pom.xml
# from Maven Central into .cache/kafka/<version>/libs (once: later runs find
# them there and download nothing), checks that Java 17 or newer runs them,
# and prints the folder. Fails with one line when Java or Maven cannot.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pom="$root/tools/kafka/pom.xml"
fail() { printf '[setup] Apache Kafka: %s\n' "$*" >&2; exit 1; }

version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$pom")
[ -n "$version" ] || fail "no <kafka.version> in $pom"
dir="$root/.cache/kafka/$version"
libs="$dir/libs"

java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1 || true)
[ "${java_major:-0}" -ge 17 ] 2>/dev/null ||
  fail "needs Java 17 or newer (found: ${java_major:-none}); install openjdk-17-jre-headless"

# The marker is written last, so an interrupted copy is done again.
if [ ! -f "$dir/.complete" ]; then
  command -v mvn >/dev/null || fail "needs Maven to fetch the jars from Maven Central; install maven"
  mkdir -p "$root/.cache/logs"
  log="$root/.cache/logs/kafka-jars.log"
  printf '[setup] fetching Apache Kafka %s from Maven Central\n' "$version"
  tmp="$dir.tmp.$$"
  rm -rf "$tmp"
  if ! mvn -B -q -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$tmp/libs" >"$log" 2>&1; then
    rm -rf "$tmp"
    fail "mvn dependency:copy-dependencies failed for Kafka $version (Maven Central unreachable?); see $log"
  fi
  rm -rf "$dir"
  mv "$tmp" "$dir"
  touch "$dir/.complete"
fi
echo "$libs"
