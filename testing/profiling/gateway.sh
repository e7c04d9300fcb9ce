#!/usr/bin/env bash
# gateway.sh JAR_DIR PORT DATA_DIR [extra --key=value ...]: starts a bench gateway in the background,
# waits until /readyz answers, prints its pid. JAVA_OPTS is passed to the JVM (e.g. JFR flags).
set -euo pipefail
jar_dir=$1 port=$2 data=$3; shift 3
mkdir -p "$data"
java ${JAVA_OPTS:-} -jar "$jar_dir/cairn-server.jar" --http.host=127.0.0.1 --http.port="$port" --data.dir="$data" \
  --oap.write-token=bench --access-key=AK --secret-key=SKSKSKSKSKSKSKSKSKSKSKSKSKSKSKSK --log.access=false --s3.public-read-buckets=bench "$@" \
  >"$data.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && { echo "$pid"; exit 0; }
  kill -0 "$pid" 2>/dev/null || { cat "$data.log" >&2; exit 1; }
  sleep 0.2
done
echo "gateway on $port did not become ready" >&2; kill "$pid"; exit 1
