#!/usr/bin/env bash
# Creates, or reuses when up to date, the virtualenv holding the Python S3 clients (boto3, the
# AWS CLI, s3cmd) that the sdk-compat lanes drive. Called by the Maven build before the tests
# run; safe to call by hand. The venv lives in .build/venv (gitignored) so `mvn clean` keeps it;
# CAIRN_PY_VENV overrides the location. Fails loudly when python3, venv or PyPI is missing.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
requirements="$root/sdk-compat/scripts/python-clients.txt"
venv="${CAIRN_PY_VENV:-$root/.build/venv}"
stamp="$venv/.cairn-requirements"

fail() {
  echo "ensure-python-clients: $*" >&2
  exit 1
}

# Up to date: the venv was built from exactly these requirements. No network needed.
if [ -x "$venv/bin/python" ] && [ -x "$venv/bin/aws" ] && cmp -s "$requirements" "$stamp"; then
  exit 0
fi

command -v python3 >/dev/null 2>&1 || fail "python3 not found; install it (Debian: apt-get install python3 python3-venv)"
rm -rf "$venv"
python3 -m venv "$venv" || fail "python3 -m venv failed; install the venv module (Debian: apt-get install python3-venv)"
echo "ensure-python-clients: installing $(grep -v '^#' "$requirements" | xargs) into $venv"
"$venv/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$requirements" \
  || { rm -rf "$venv"; fail "pip could not install the clients from PyPI (is https://pypi.org reachable?)"; }
cp "$requirements" "$stamp"
"$venv/bin/python" -m pip freeze --disable-pip-version-check | grep -Ei '^(boto3|botocore|awscli|s3cmd|s3transfer)=' | sed 's/^/ensure-python-clients:   /'
