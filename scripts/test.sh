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

# Library, binary and integration tests (examples are built by clippy above; they hold no
# tests). The closing line totals every test binary's results.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --locked --lib --bins --tests 2>&1 | tee "$log"
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1) } }
     END { printf "%d passed, %d failed\n", p, f; exit (p == 0 || f > 0) }' "$log"
