#!/usr/bin/env bash
# profile.sh PID OUTDIR LABEL DURATION -- HEY_ARGS...
# Profiles a running gateway while hey drives it (after a 5 s warm-up) and writes
# OUTDIR/LABEL.collapsed (flamegraph input), LABEL.top.txt (TopFrames.java summary), LABEL.hey.txt.
# PROFILER=async (default: async-profiler, CPU time incl. kernel, 1 ms, attached with jcmd) or
# PROFILER=jfr (JFR settings=profile; Java frames only; also keeps LABEL.jfr).
set -euo pipefail
pid=$1 out=$2 label=$3 dur=$4; shift 5
here=$(cd "$(dirname "$0")" && pwd)
HEY=${HEY:-/tmp/gobin/hey}
[ -x "$HEY" ] || { echo "hey missing: GOBIN=/tmp/gobin go install github.com/rakyll/hey@v0.1.5" >&2; exit 1; }
mkdir -p "$out"
"$HEY" -z 10s "$@" >/dev/null   # warm-up: JIT, caches
if [ "${PROFILER:-async}" = jfr ]; then
  jcmd "$pid" JFR.start name="$label" settings=profile >/dev/null
  "$HEY" -z "$dur" "$@" >"$out/$label.hey.txt"
  jcmd "$pid" JFR.stop name="$label" filename="$out/$label.jfr" >/dev/null
  java "$here/JfrCollapse.java" "$out/$label.jfr" "$out/$label.collapsed" --native >/dev/null
else
  lib=$("$here/ensure-async-profiler.sh")
  # jcmd parses key=value itself: the agent's options must reach it as one quoted argument
  jcmd "$pid" JVMTI.agent_load "$lib" "\"start,event=cpu,interval=1ms\"" >/dev/null
  "$HEY" -z "$dur" "$@" >"$out/$label.hey.txt"
  jcmd "$pid" JVMTI.agent_load "$lib" "\"stop,file=$out/$label.collapsed,collapsed\"" >/dev/null
fi
java "$here/TopFrames.java" "$out/$label.collapsed" --top 30 >"$out/$label.top.txt"
grep -E "Requests/sec|50%+ in|99%+ in" "$out/$label.hey.txt"
