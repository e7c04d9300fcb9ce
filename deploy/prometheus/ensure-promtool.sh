#!/usr/bin/env bash
# Prints the path of a promtool (Prometheus 2.x), which checks and unit-tests cairn-alerts.yaml.
# Order: $CAIRN_PROMTOOL, then .build/promtool/promtool (fetched earlier), then promtool on the PATH,
# else it fetches Debian's prometheus package (apt-get download, about 19 MB) and keeps only promtool
# in .build/promtool: nothing is installed and no service starts. Fails, naming the step, elsewhere.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
DEST="$ROOT/.build/promtool"

if [[ -n "${CAIRN_PROMTOOL:-}" ]]; then
  [[ -x "$CAIRN_PROMTOOL" ]] || { echo "CAIRN_PROMTOOL=$CAIRN_PROMTOOL is not an executable" >&2; exit 1; }
  echo "$CAIRN_PROMTOOL"; exit 0
fi
if [[ -x "$DEST/promtool" ]]; then echo "$DEST/promtool"; exit 0; fi
if command -v promtool >/dev/null 2>&1; then command -v promtool; exit 0; fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "promtool is missing: put Prometheus' promtool (2.x) on the PATH or set CAIRN_PROMTOOL" \
       "(this script can fetch it only on Debian or Ubuntu, with apt-get download prometheus)" >&2
  exit 1
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/cairn-promtool.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && apt-get download -qq prometheus) >&2; then
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq >&2
    (cd "$work" && apt-get download -qq prometheus) >&2
  else
    echo "apt-get download prometheus failed; run 'sudo apt-get update' and retry, or set CAIRN_PROMTOOL" >&2
    exit 1
  fi
fi
dpkg-deb -x "$work"/prometheus_*.deb "$work/x"
mkdir -p "$DEST"
# rename into place so a concurrent caller never sees half a binary
cp "$work/x/usr/bin/promtool" "$DEST/promtool.partial"
mv -f "$DEST/promtool.partial" "$DEST/promtool"
echo "$DEST/promtool"
