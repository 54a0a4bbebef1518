#!/usr/bin/env bash
# The README's run command: authgate on its embedded defaults, with every provider kind built in
# (SAML included). SAML needs xmlsec1's C libraries, so this installs them first (Debian, apt,
# idempotent: nothing runs when they are present), then builds and runs the release binary.
# Arguments go to authgate (e.g. `scripts/run.sh serve --config my.toml`).
# Without SAML, `cargo run --release` needs nothing but Rust.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-build-deps.sh
exec cargo run --locked --release --features saml -- "$@"
