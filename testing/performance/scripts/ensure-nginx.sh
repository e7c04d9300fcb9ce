#!/usr/bin/env bash
# Makes sure `nginx` is on PATH for the performance rig (testing/performance/run.sh calls this only
# when nginx is one of the --targets). Uses the nginx already installed; otherwise, when running as
# root on a Debian-like system, installs Debian's `nginx` package (falling back to `nginx-light`)
# with apt-get, without starting the distribution's service (the rig runs its own nginx, with a
# generated configuration, on a port of its choosing). Anything else fails loudly with the command
# to run. Prints the nginx binary's path on stdout.
set -euo pipefail

fail() {
  echo "ensure-nginx: $*" >&2
  exit 1
}

found() {
  local bin
  bin="$(command -v nginx 2>/dev/null || true)"
  [ -z "$bin" ] && [ -x /usr/sbin/nginx ] && bin=/usr/sbin/nginx   # PATH of a non-root shell may lack sbin
  [ -n "$bin" ] || return 1
  echo "$bin"
}

if found; then
  exit 0
fi

[ "$(id -u)" = 0 ] || fail "nginx is not installed and this is not root; install it: sudo apt-get install -y nginx (or nginx-light), then rerun"
command -v apt-get >/dev/null 2>&1 || fail "nginx is not installed and apt-get is missing; install nginx with your package manager, then rerun"

# Debian's maintainer scripts start the packaged service on port 80; the rig needs none of it.
# A policy-rc.d that answers 101 ("action forbidden") stops invoke-rc.d from starting it; it is
# removed again afterwards, and an existing one is left alone.
policy=/usr/sbin/policy-rc.d
made_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  made_policy=1
fi
cleanup() {
  if [ "$made_policy" = 1 ]; then rm -f "$policy"; fi
}
trap cleanup EXIT

echo "ensure-nginx: installing Debian's nginx with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends nginx >&2; then
  apt-get update -q >&2 || fail "apt-get update failed; run: apt-get update && apt-get install -y nginx"
  apt-get install -y -q --no-install-recommends nginx >&2 \
    || apt-get install -y -q --no-install-recommends nginx-light >&2 \
    || fail "apt-get could not install nginx or nginx-light; run: apt-get install -y nginx"
fi
found || fail "nginx was installed but is not on PATH nor at /usr/sbin/nginx"
