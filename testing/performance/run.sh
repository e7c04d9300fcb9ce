#!/usr/bin/env bash
# The performance rig of issue 8: Cairn vs S3Proxy 2.6.0 vs nginx, side by side, in alternating rounds.
#   testing/performance/run.sh                                        # read-a over s3 and oap, all three targets
#   testing/performance/run.sh --mix read-a --mix write-b --rounds 3  # several mixes
#   testing/performance/run.sh --targets cairn --mix soak --duration 600 --rate 50
#   testing/performance/run.sh --help                                 # every option
# Builds the gateway's jar, the Gatling simulations, S3Proxy's classpath and the rig with the Maven
# wrapper, then runs dev.cairn.perf.Rig from the repository root: progress on stderr, a Markdown
# report on stdout, the JSON summary in testing/performance/results/ (or --out).
# Environment: CAIRN_MVN_ARGS extra Maven arguments (e.g. -o); PERF_RIG_OPTS the rig's own JVM
# options (default -Xmx512m; the servers and the load generator are separate JVMs).
# docs/performance.md ("Performance rig") explains the workloads, the summary and the gate.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
cd "$ROOT"
help=
for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then
    help=1
  fi
done
# --help needs no fresh build once the rig was built
if [[ -z "$help" || ! -f testing/performance/target/rig.classpath ]]; then
  # shellcheck disable=SC2086 # CAIRN_MVN_ARGS is a list of words on purpose
  ./mvnw -q -B ${CAIRN_MVN_ARGS:-} -DskipTests package -pl testing/performance -am >&2
fi
CP="$ROOT/testing/performance/target/classes:$(cat "$ROOT/testing/performance/target/rig.classpath")"
# shellcheck disable=SC2086 # PERF_RIG_OPTS is a list of words on purpose
exec java ${PERF_RIG_OPTS:--Xmx512m} -cp "$CP" dev.cairn.perf.Rig "$@"
