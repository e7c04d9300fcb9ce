#!/usr/bin/env bash
# Prints the path of async-profiler's agent library, fetching it from Maven Central
# (tools.profiler:async-profiler, linux-x64) into .build/async-profiler on first use.
set -euo pipefail
version=${ASYNC_PROFILER_VERSION:-4.2}
root=$(cd "$(dirname "$0")/../.." && pwd)
dest=$root/.build/async-profiler/$version
lib=$dest/linux-x64/libasyncProfiler.so
if [ ! -f "$lib" ]; then
  jar=$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version-linux-x64.jar
  [ -f "$jar" ] || "$root/mvnw" -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" -Dtransitive=false >&2 \
    || { echo "could not fetch tools.profiler:async-profiler:$version from Maven Central; use PROFILER=jfr" >&2; exit 1; }
  mkdir -p "$dest" && (cd "$dest" && unzip -q -o "$jar" 'linux-x64/*')
fi
echo "$lib"
