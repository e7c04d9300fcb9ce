#!/usr/bin/env bash
# Installs, or reuses when current, the tools the Terraform checks (testing/deploy-checks) run:
#   - OpenTofu (`tofu fmt -check`), built from the Go module proxy into .build/bin/tofu;
#   - python-hcl2 (`hcl2tojson`, the parser the Java assertions read) in .build/tf-venv/hcl2;
#   - checkov in .build/tf-venv/checkov (its own venv: checkov pins bc-python-hcl2, whose import
#     name `hcl2` collides with python-hcl2's).
# Idempotent: a tool whose pinned version is already in place is not touched, and nothing is
# fetched. Called by the Maven build before the tests (testing/deploy-checks/pom.xml) and by
# .ci/run; safe to run by hand. Fails loudly, naming what is missing.
# CAIRN_TF_TOOLS_DIR overrides the .build directory.
set -euo pipefail

TOFU_VERSION=1.12.6
HCL2_VERSION=8.1.4
CHECKOV_VERSION=3.3.30

root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${CAIRN_TF_TOOLS_DIR:-$root/.build}"
bin="$build/bin"
venvs="$build/tf-venv"

fail() {
  echo "ensure-tools: $*" >&2
  exit 1
}

ensure_tofu() {
  # (grep the whole output: a TF_CLI_CONFIG_FILE naming a missing file adds a warning to stdout)
  if [ -x "$bin/tofu" ] && "$bin/tofu" version 2>/dev/null | grep -qx "OpenTofu v$TOFU_VERSION"; then
    return 0
  fi
  local go
  go="$(command -v go || true)"
  [ -n "$go" ] || { [ -x /usr/local/go/bin/go ] && go=/usr/local/go/bin/go; } \
    || fail "go not found: OpenTofu is built from the Go module proxy (Debian: apt-get install golang-go)"
  # `go install …@version` refuses the module (its go.mod has replace directives), so fetch the
  # module into the module cache and build it as the main module instead.
  local dir
  dir="$("$go" mod download -json "github.com/opentofu/opentofu@v$TOFU_VERSION" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')" \
    || fail "go mod download github.com/opentofu/opentofu@v$TOFU_VERSION failed (is the Go module proxy reachable?)"
  [ -n "$dir" ] && [ -d "$dir" ] || fail "go mod download gave no source directory for OpenTofu v$TOFU_VERSION"
  mkdir -p "$bin"
  echo "ensure-tools: building OpenTofu v$TOFU_VERSION from the Go module proxy (several minutes on a clean machine)"
  # version.dev=no is what release builds set; without it the binary calls itself v$TOFU_VERSION-dev.
  (cd "$dir" && "$go" build -trimpath -ldflags "-X github.com/opentofu/opentofu/version.dev=no" \
    -o "$bin/tofu.tmp" ./cmd/tofu) \
    || { rm -f "$bin/tofu.tmp"; fail "go build of OpenTofu v$TOFU_VERSION failed"; }
  mv -f "$bin/tofu.tmp" "$bin/tofu"
}

# ensure_venv NAME PACKAGE==VERSION EXECUTABLE
ensure_venv() {
  local venv="$venvs/$1" pin="$2" exe="$3"
  if [ -x "$venv/bin/$exe" ] && [ "$(cat "$venv/.cairn-pin" 2>/dev/null)" = "$pin" ]; then
    return 0
  fi
  command -v python3 >/dev/null 2>&1 || fail "python3 not found (Debian: apt-get install python3 python3-venv)"
  rm -rf "$venv"
  mkdir -p "$venvs"
  python3 -m venv "$venv" || fail "python3 -m venv failed; install the venv module (Debian: apt-get install python3-venv)"
  echo "ensure-tools: installing $pin into $venv"
  "$venv/bin/python" -m pip install --disable-pip-version-check --no-input -q "$pin" \
    || { rm -rf "$venv"; fail "pip could not install $pin from PyPI"; }
  [ -x "$venv/bin/$exe" ] || { rm -rf "$venv"; fail "$pin installed no $exe"; }
  echo "$pin" >"$venv/.cairn-pin"
}

# Side by side: the OpenTofu build is CPU-bound, the two venvs mostly wait on PyPI.
pids=()
ensure_tofu & pids+=($!)
ensure_venv hcl2 "python-hcl2==$HCL2_VERSION" hcl2tojson & pids+=($!)
ensure_venv checkov "checkov==$CHECKOV_VERSION" checkov & pids+=($!)
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
[ "$status" = 0 ] || fail "one or more tools are missing (see above)"
