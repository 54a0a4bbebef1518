#!/usr/bin/env bash
# Every test authgate has: formatting, lints, unit tests, the store conformance suite and the
# integration suite (one binary, tests/api). The spine needs nothing but Rust: SQLite is
# compiled in. Test peers that later capabilities need are installed here, idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."

# rustfmt and clippy ship with rustup's default profile; add them if this toolchain lacks them.
if command -v rustup >/dev/null 2>&1; then
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi

cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
scripts/install-peers.sh
cargo test --all-targets --locked
