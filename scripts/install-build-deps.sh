#!/usr/bin/env bash
# Installs the system libraries the optional `saml` feature builds against (samael's xmlsec
# bindings: bindgen needs libclang, and it links libxmlsec1 (OpenSSL engine), libxml2 and
# OpenSSL, found through pkg-config). The default build needs none of this: `cargo run
# --release` works with Rust alone; `cargo build --release --features saml` needs this first.
# Idempotent: apt runs only when a package is missing. On Debian 12; needs root (or sudo).
set -euo pipefail

# Build time: headers, pkg-config files and libclang for bindgen. Run time: the shared
# libraries (libxmlsec1-openssl is the engine samael loads; the -dev packages pull it in).
packages=(libclang-dev libxml2-dev libxmlsec1-dev libxmlsec1-openssl libssl-dev pkg-config)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-build-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
