#!/usr/bin/env bash
# Builds the JMH uber jar and runs benchmarks. Any arguments go to JMH, e.g.
#   testing/jmh/run.sh DigestBenchmark -wi 3 -i 5 -f 1
#   testing/jmh/run.sh -rf json -rff /tmp/jmh.json
set -euo pipefail
cd "$(dirname "$0")/../.."
# package, not install: the reactor resolves the sibling modules, nothing is written to ~/.m2
./mvnw -q -B -DskipTests package -pl testing/jmh -am
exec java -jar testing/jmh/target/benchmarks.jar "$@"
