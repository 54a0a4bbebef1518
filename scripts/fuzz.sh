#!/usr/bin/env bash
# Builds and runs authgate's fuzz targets (fuzz/: cargo fuzz, libFuzzer) on the stable toolchain.
#
#   scripts/fuzz.sh                 every target, 2000 runs each (what scripts/test.sh does)
#   scripts/fuzz.sh TARGET [RUNS]   one target (`all` for every one), RUNS executions each
#   scripts/fuzz.sh build           build every target, run none
#
# Extra libFuzzer flags go in FUZZ_ARGS (e.g. FUZZ_ARGS="-jobs=2 -max_total_time=600").
# cargo-fuzz passes nightly-only flags (-Z...) to rustc. Only stable Rust can be had on this
# project's machines, and RUSTC_BOOTSTRAP=1 makes stable rustc accept them. No sanitizer: the
# code under test is safe Rust (AddressSanitizer would only halve the speed); panics, including
# integer overflow (debug assertions are on), are what a target can find. A crash leaves its
# input in fuzz/artifacts/TARGET/; replay it with (from fuzz/)
#   RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -a TARGET artifacts/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
TARGETS=(authorize form_body token_verify config_load cognito_challenge saml_response saml_logout)

# libfuzzer-sys compiles libFuzzer (C++).
if ! command -v c++ >/dev/null 2>&1; then
  echo "fuzz: no C++ compiler; installing Debian's g++" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends g++ >/dev/null
fi
if ! cargo fuzz --version 2>/dev/null | grep -qF "$CARGO_FUZZ_VERSION"; then
  cargo install cargo-fuzz --locked --version "$CARGO_FUZZ_VERSION"
fi

export RUSTC_BOOTSTRAP=1
# The fuzz crate's own target directory, whatever the caller uses for the main crate.
export CARGO_TARGET_DIR="$PWD/fuzz/target"
fuzz_flags=(--sanitizer none --debug-assertions)

cd fuzz
what=${1:-all}
runs=${2:-2000}
if [[ $what == build ]]; then
  exec cargo fuzz build "${fuzz_flags[@]}"
fi
if [[ $what == all ]]; then
  selected=("${TARGETS[@]}")
else
  selected=("$what")
fi
cargo fuzz build "${fuzz_flags[@]}"
for target in "${selected[@]}"; do
  # New inputs the fuzzer finds go to a work corpus under target/; the seeds stay as they are.
  work="target/corpus/$target"
  log="target/fuzz-$target.log"
  mkdir -p "$work"
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  if cargo fuzz run "${fuzz_flags[@]}" "$target" "$work" "corpus/$target" -- \
    -runs="$runs" -timeout=10 -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1; then
    execs=$(awk '/^stat::number_of_executed_units/ { print $2 }' "$log")
    speed=$(awk '/^stat::average_exec_per_sec/ { print $2 }' "$log")
    echo "fuzz $target: $execs executions, $speed/s, no crash ($(grep -E '^Done' "$log"))"
  else
    tail -n 40 "$log" >&2
    echo "fuzz $target: FAILED; the input is in fuzz/artifacts/$target/, the log in fuzz/$log" >&2
    exit 1
  fi
done
