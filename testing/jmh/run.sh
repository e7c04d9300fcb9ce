#!/usr/bin/env bash
# Builds the JMH uber jar and runs benchmarks. Any arguments go to JMH, e.g.
#   testing/jmh/run.sh DigestBenchmark -wi 3 -i 5 -f 1
#   testing/jmh/run.sh -rf json -rff /tmp/jmh.json
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests install -pl testing/jmh -am
exec java -jar testing/jmh/target/benchmarks.jar "$@"
