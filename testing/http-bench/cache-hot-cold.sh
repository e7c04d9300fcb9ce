#!/usr/bin/env bash
# GET of a 64 KiB range through a running gateway, chunk cache on (hot) against off (cold),
# measured with hey (https://github.com/rakyll/hey, installed from the Go module proxy) in
# alternating rounds A, B, A, B in one run. Prints hey's summary lines per round.
#
#   testing/http-bench/cache-hot-cold.sh [rounds=2] [requests=20000] [concurrency=16]
#
# Needs the server jar: ./mvnw -q -B package -DskipTests -pl gateway/server -am
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-2}
N=${2:-20000}
C=${3:-16}
JAR=gateway/server/target/cairn-server.jar
[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw -q -B package -DskipTests -pl gateway/server -am" >&2; exit 1; }
HEY=${HEY:-$(command -v hey || true)}
if [ -z "$HEY" ]; then
  GOBIN="$PWD/.build/bin" go install github.com/rakyll/hey@v0.1.5
  HEY="$PWD/.build/bin/hey"
fi
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
head -c $((1024 * 1024)) /dev/urandom > "$WORK/blob"

start() { # name port cache-bytes
  mkdir -p "$WORK/$1"
  java -Xmx1g -jar "$JAR" --http.port="$2" --data.dir="$WORK/$1" --oap.write-token=bench --log.access=false \
    --cache.max-bytes="$3" > "$WORK/$1.log" 2>&1 &
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$2/readyz" > /dev/null && return; sleep 0.2; done
  echo "gateway $1 did not start" >&2; cat "$WORK/$1.log" >&2; exit 1
}
put() { # port → address
  curl -fs -D - -o /dev/null -H 'Authorization: Bearer bench' --data-binary @"$WORK/blob" "http://127.0.0.1:$1/put" \
    | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}'
}
start hot 18081 256MiB
start cold 18082 0
HOT=$(put 18081); COLD=$(put 18082)
for r in $(seq "$ROUNDS"); do
  for side in hot cold; do
    port=18081; path=$HOT; [ $side = cold ] && port=18082 && path=$COLD
    for range in 0-65535 491520-557055; do
      out=$("$HEY" -n "$N" -c "$C" -H "Range: bytes=$range" "http://127.0.0.1:$port$path")
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      pct=$(echo "$out" | awk '/ 50%| 95%| 99%/ {gsub("%%","%",$1); printf "p%s=%.1fms ", $1+0, $3*1000}')
      codes=$(echo "$out" | awk '/^  \[[0-9]+\]/ {printf "%s%s ", $1, $2}')
      echo "round $r $side range=$range req/s=$rps $pct codes: $codes"
    done
  done
done
