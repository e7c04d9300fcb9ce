#!/usr/bin/env bash
# The issue 4 multipart benchmark: Cairn vs S3Proxy 2.6.0, each server its own JVM.
#   testing/multipart-bench/run.sh                                   # 1 GiB in 16 MiB parts, 5 alternating repetitions
#   testing/multipart-bench/run.sh --size 48MiB --reps 1             # a quick look
#   testing/multipart-bench/run.sh --help                            # every option
# Builds the driver and both servers' classpaths with the Maven wrapper (S3Proxy comes from Maven
# Central), then prints Markdown tables on stdout and progress on stderr.
# Environment: CAIRN_MVN_ARGS extra Maven arguments (e.g. -o); BENCH_DRIVER_OPTS the driver's JVM
# options (default -Xmx512m; the payload is one part's size). Servers' data go under
# testing/multipart-bench/target/work (override with --work-dir) and are deleted after each round.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
BENCH="$ROOT/testing/multipart-bench"
cd "$ROOT"
# shellcheck disable=SC2086 # CAIRN_MVN_ARGS is a list of words on purpose
./mvnw -q -B ${CAIRN_MVN_ARGS:-} -DskipTests package -pl testing/multipart-bench/driver -am >&2
CP="$BENCH/driver/target/classes:$(cat "$BENCH/driver/target/driver.classpath")"
# shellcheck disable=SC2086 # BENCH_DRIVER_OPTS is a list of words on purpose
exec java ${BENCH_DRIVER_OPTS:--Xmx512m} -cp "$CP" dev.cairn.bench.multipart.MultipartBench \
  --cairn-classpath "$BENCH/cairn-runtime/target/server.classpath" \
  --s3proxy-classpath "$BENCH/s3proxy-runtime/target/server.classpath" \
  --work-dir "$BENCH/target/work" \
  "$@"
