#!/usr/bin/env bash
# Load benchmark: builds the release server and the load driver (examples/load.rs), then for
# each signing algorithm starts a fresh authgate on a free loopback port with an empty
# temporary data directory, runs the driver against it, and stops it. Results go to stdout;
# BENCHMARKS.md records them.
#
# Usage: scripts/bench.sh
#   DURATION=10s      measured time per scenario
#   WARMUP=2s         unmeasured time per scenario before that
#   CONCURRENCY=32    concurrent simulated users
#   SCENARIOS=password,sso,refresh,baseline
#   ALGS="RS256 ES256"
#   PORT=18181        first port to try (the next free one up to PORT+50 is used)
# Every run is bounded: the driver stops by itself after (WARMUP + DURATION) per scenario.
#
# scripts/bench.sh peers   runs scripts/bench-peers.sh instead: authgate side by side with
#                          oidc-provider and a bare axum server (see there for its settings).
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ "${1:-}" == peers ]]; then
  exec scripts/bench-peers.sh
fi

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
CONCURRENCY=${CONCURRENCY:-32}
SCENARIOS=${SCENARIOS:-password,sso,refresh,baseline}
ALGS=${ALGS:-RS256 ES256}
PORT=${PORT:-18181}

echo "# machine: nproc=$(nproc) arch=$(uname -m)" \
  "cpu=\"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)\"" \
  "mem=$(awk '/^MemTotal/ {printf "%.1fGiB", $2 / 1048576}' /proc/meminfo)"
echo "# kernel: $(uname -sr)"
# BENCH_COMMIT names the commit when the tree is not a git checkout (e.g. a `git archive`).
echo "# commit: ${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(
  git diff --quiet HEAD 2>/dev/null || echo ' (working tree has changes)')}"
echo "# argon2 (demo user's hash): $(grep -o 'm=[0-9]*,t=[0-9]*,p=[0-9]*' config/bench.toml | head -n 1)"
echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "# settings: DURATION=$DURATION WARMUP=$WARMUP CONCURRENCY=$CONCURRENCY SCENARIOS=$SCENARIOS"

cargo build --release --bin authgate --example load

SERVER_PID=""
DATA_DIR=""
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    # Bounded wait for an orderly exit, then insist.
    for _ in $(seq 50); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
  if [[ -n "$DATA_DIR" ]]; then
    rm -rf "$DATA_DIR"
    DATA_DIR=""
  fi
}
trap stop_server EXIT

port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  local p
  for ((p = PORT; p <= PORT + 50; p++)); do
    if ! port_busy "$p"; then
      echo "$p"
      return 0
    fi
  done
  echo "no free port in $PORT..$((PORT + 50))" >&2
  return 1
}

status=0
for ALG in $ALGS; do
  port=$(free_port)
  DATA_DIR=$(mktemp -d -t authgate-bench.XXXXXX)
  echo
  echo "## $ALG  (server on 127.0.0.1:$port, data in $DATA_DIR)"
  AUTHGATE_TOKENS__ALGORITHM=$ALG \
    AUTHGATE_DATA_DIR=$DATA_DIR \
    AUTHGATE_LISTEN=127.0.0.1:$port \
    AUTHGATE_ISSUER=http://127.0.0.1:$port \
    RUST_LOG=warn \
    "${CARGO_TARGET_DIR:-target}/release/authgate" serve --config config/bench.toml >"$DATA_DIR/server.log" 2>&1 &
  SERVER_PID=$!

  # Readiness: the server is a separate process; poll its health endpoint, at most 30 s.
  ready=0
  for _ in $(seq 300); do
    if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/healthz"; then
      ready=1
      break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  if [[ $ready != 1 ]]; then
    echo "authgate did not become ready; its log:" >&2
    cat "$DATA_DIR/server.log" >&2
    exit 1
  fi

  if ! "${CARGO_TARGET_DIR:-target}/release/examples/load" \
    --url "http://127.0.0.1:$port" \
    --scenarios "$SCENARIOS" \
    --concurrency "$CONCURRENCY" \
    --warmup "$WARMUP" \
    --duration "$DURATION"; then
    status=1
    echo "load driver failed for $ALG" >&2
  fi
  # Anything the server logged at warn or above during the run (the demo-user warning is
  # expected at start-up).
  if [[ -s "$DATA_DIR/server.log" ]]; then
    echo "# server log (warn and above), last lines:"
    tail -n 20 "$DATA_DIR/server.log" | sed -e "s/\x1b\[[0-9;]*m//g" -e "s/^/#   /"
  fi
  echo "# database after the run: $(du -sh "$DATA_DIR" | cut -f1)"
  stop_server
done
exit $status
