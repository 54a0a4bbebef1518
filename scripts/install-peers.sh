#!/usr/bin/env bash
# Installs the test peers the integration suite starts on loopback (simpleSAMLphp, a SAML IdP;
# tests/peers: panva's
# oidc-provider, an upstream OpenID Provider; cognito-local, a Cognito user pool with a hosted
# UI; moto server, Cognito user pools + Cognito Identity + STS; pycognito, an independent SRP
# implementation for known-answer tests), PostgreSQL (the multi-replica store) and the Amplify
# end-to-end test's client (tests/amplify: aws-amplify, esbuild and playwright-core, driving
# Debian's chromium; no browser download).
# Idempotent and quiet on success; meant to run before `cargo test` (scripts/test.sh calls
# it). On a fresh Debian 12 it needs root for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

peers=tests/peers

apt_install() {
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "install-peers: node/npm missing; installing Debian's nodejs and npm" >&2
  apt_install nodejs npm
fi
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "install-peers: python3 with venv missing; installing Debian's python3-venv" >&2
  apt_install python3 python3-venv
fi

# PostgreSQL for the store's tests (scripts/postgres.sh starts a private cluster per run).
scripts/postgres.sh install

# The `saml` feature's build libraries, and simpleSAMLphp, the real IdP of the SAML tests
# (tests/api/saml.rs starts it with scripts/saml-idp.sh serve).
scripts/install-build-deps.sh
scripts/saml-idp.sh install

# The Amplify end-to-end test drives Debian's Chromium (playwright-core never downloads one);
# fonts-liberation gives its pages a font.
if [ ! -x /usr/bin/chromium ]; then
  echo "install-peers: /usr/bin/chromium missing; installing Debian's chromium" >&2
  apt_install chromium fonts-liberation
fi

# (Re)install a node package dir only when node_modules is missing or older than the lockfile.
# npm ci deletes node_modules first, so a half-finished earlier install is repaired too; the
# stamp file is written last, so an interrupted install is retried next time.
npm_install() {
  local dir=$1
  local stamp="$dir/node_modules/.install-stamp"
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ] || [ "$dir/package.json" -nt "$stamp" ]; then
    local log
    log=$(mktemp)
    if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
      cat "$log" >&2
      rm -f "$log"
      echo "install-peers: npm ci failed in $dir" >&2
      exit 1
    fi
    rm -f "$log"
    touch "$stamp"
  fi
}
npm_install "$peers"
npm_install tests/amplify

# The Python peers live in their own virtualenv, rebuilt when requirements.txt changes (same
# stamp rule as above).
venv="$peers/.venv"
pystamp="$venv/.install-stamp"
if [ ! -f "$pystamp" ] || [ "$peers/requirements.txt" -nt "$pystamp" ]; then
  log=$(mktemp)
  rm -rf "$venv"
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --disable-pip-version-check -q -r "$peers/requirements.txt"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "install-peers: pip install failed in $venv" >&2
    exit 1
  fi
  rm -f "$log"
  touch "$pystamp"
fi
