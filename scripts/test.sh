#!/usr/bin/env bash
# Every test authgate has: formatting, lints, the supply-chain check (cargo deny: bans,
# licences, sources; not advisories, see deny.toml), unit tests, the store conformance suite,
# the integration suite (one binary, tests/api) and a short run of each fuzz target (fuzz/,
# 2000 executions each, so they keep building; scripts/fuzz.sh runs them longer). The spine
# needs nothing but Rust: SQLite is compiled in. Test peers that later capabilities need
# (PostgreSQL among them), and cargo-deny and cargo-fuzz, are installed here, idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."

# rustfmt and clippy ship with rustup's default profile; add them if this toolchain lacks them.
if command -v rustup >/dev/null 2>&1; then
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi

# The system libraries of the optional `saml` feature (samael's xmlsec1 bindings) before the
# first cargo command, since everything below builds with `--features saml`; and the real SAML
# IdP the SAML tests log in to (simpleSAMLphp, served by scripts/saml-idp.sh).
scripts/install-build-deps.sh
scripts/saml-idp.sh install

cargo fmt --all -- --check
(cd fuzz && cargo fmt -- --check)
# Both configurations stay clean: the default build (what `cargo run --release` compiles) and
# the one with SAML.
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --all-targets --locked --features saml -- -D warnings

# The dependency tree: no second hyper/http/rustls, permissive licences, crates.io only.
# Advisories need the RustSec database from GitHub, which this project's machines cannot
# reach: set AUTHGATE_DENY_ADVISORIES=1 where it can be fetched.
CARGO_DENY_VERSION=0.20.2
if ! cargo deny --version 2>/dev/null | grep -qF "$CARGO_DENY_VERSION"; then
  cargo install cargo-deny --locked --version "$CARGO_DENY_VERSION"
fi
if [[ -n ${AUTHGATE_DENY_ADVISORIES:-} ]]; then
  deny_checks=(advisories bans licenses sources)
else
  deny_checks=(bans licenses sources)
  echo "cargo deny: advisories not checked (no RustSec database here; see deny.toml)"
fi
# The libfuzzer-sys licence exception is for the fuzz crate's tree only. The fuzz crate's lock
# is not --locked: after a dependency change in the main crate, cargo brings it up to date here
# and in the fuzz build (fuzz/README.md says how to keep the versions identical).
cargo deny --locked check -A license-exception-not-encountered "${deny_checks[@]}"
cargo deny --locked --features saml check -A license-exception-not-encountered "${deny_checks[@]}"
# One OpenSSL (deny.toml lets only samael and the SAML module reach it).
if cargo tree --locked --features saml -d -e normal,build 2>/dev/null | grep -E '^openssl(-sys)? ' >&2; then
  echo "test.sh: two versions of openssl in the tree" >&2
  exit 1
fi
cargo deny --manifest-path fuzz/Cargo.toml check "${deny_checks[@]}"

scripts/install-peers.sh

# Library, binary and integration tests (examples are built by clippy above; they hold no
# tests), inside a private PostgreSQL cluster that lives as long as the tests (the PostgreSQL
# tests find it through AUTHGATE_TEST_POSTGRES_URL, and fail without it when CI is set). The
# closing line totals every test binary's results.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
scripts/postgres.sh run -- cargo test --locked --features saml --lib --bins --tests 2>&1 | tee "$log"

# Each fuzz target for a few seconds (its own build, in fuzz/target). A crash fails the run.
scripts/fuzz.sh all 2000

awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1) } }
     END { printf "%d passed, %d failed\n", p, f; exit (p == 0 || f > 0) }' "$log"
