#!/usr/bin/env bash
# The regression gate of the performance rig (issue 8):
#   testing/performance/compare.sh BASELINE.json CURRENT.json [--no-fail] [--p95 10] [--throughput 10] [--cpu 15] [--rss 15]
# Compares two summaries of testing/performance/run.sh as ratios to the reference measured in the
# same run; prints a table of every check; exits 1 when one fails (0 with --no-fail), 2 on bad input.
# Builds the rig with the Maven wrapper only when its classes are missing or older than its sources.
# Environment: CAIRN_MVN_ARGS extra Maven arguments (e.g. -o).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
MODULE="$ROOT/testing/performance"
STAMP="$MODULE/target/classes/dev/cairn/perf/Compare.class"
needs_build() {
  [[ -f "$STAMP" && -f "$MODULE/target/rig.classpath" ]] || return 0
  [[ -n "$(find "$MODULE/src/main" "$MODULE/pom.xml" -type f -newer "$STAMP" -print -quit)" ]]
}
if needs_build; then
  # shellcheck disable=SC2086 # CAIRN_MVN_ARGS is a list of words on purpose
  (cd "$ROOT" && ./mvnw -q -B ${CAIRN_MVN_ARGS:-} -DskipTests package -pl testing/performance -am) >&2
fi
exec java -Xmx256m -cp "$MODULE/target/classes:$(cat "$MODULE/target/rig.classpath")" dev.cairn.perf.Compare "$@"
