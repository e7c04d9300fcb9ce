#!/usr/bin/env bash
# bench.sh ROUNDS DURATION LABEL PID_ON URL_ON PID_OFF URL_OFF [hey args...]
# Side-by-side A/B: alternates hey runs against two gateways (order flipped every round) and prints
# one line per run: label, side, req/s, p50 ms, p99 ms, CPU ms per request (utime+stime from
# /proc/PID/stat over the run, divided by the requests answered).
set -euo pipefail
rounds=$1 dur=$2 label=$3 pid_on=$4 url_on=$5 pid_off=$6 url_off=$7; shift 7
HEY=${HEY:-/tmp/gobin/hey}
tick_ms=$(awk "BEGIN {print 1000 / $(getconf CLK_TCK)}")
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # side pid url
  local before after out
  before=$(cpu "$2")
  out=$("$HEY" -z "$dur" -c "${CONC:-8}" "${extra[@]}" "$3")
  after=$(cpu "$2")
  python3 - "$label" "$1" "$((after - before))" "$tick_ms" "$out" <<'PY'
import re, sys
label, side, ticks, tick_ms = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
out = sys.argv[5]
rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
p50 = float(re.search(r"50%+ in ([0-9.]+) secs", out).group(1)) * 1000
p99 = float(re.search(r"99%+ in ([0-9.]+) secs", out).group(1)) * 1000
ok = sum(int(n) for n in re.findall(r"\[2\d\d\]\s+(\d+) responses", out))
bad = sum(int(n) for c, n in re.findall(r"\[(\d+)\]\s+(\d+) responses", out) if not c.startswith("2"))
print(f"{label:16s} {side:4s} rps={rps:9.1f} p50={p50:7.2f}ms p99={p99:7.2f}ms cpu/req={ticks * tick_ms / max(ok, 1):6.3f}ms ok={ok} non2xx={bad}")
PY
}
extra=("$@")
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then run on "$pid_on" "$url_on"; run off "$pid_off" "$url_off"
  else run off "$pid_off" "$url_off"; run on "$pid_on" "$url_on"; fi
done
