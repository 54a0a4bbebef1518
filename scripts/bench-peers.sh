#!/usr/bin/env bash
# Side-by-side benchmark: authgate against panva's oidc-provider (bench/peer, pinned, in-memory
# adapter) and a bare axum server (examples/bare_axum.rs, the HTTP ceiling), with the same load
# driver (examples/load.rs, which checks every answer), alternating the targets in every round:
#
#   disk           authgate, SQLite in a fresh temporary directory on disk (synchronous=FULL)
#   tmpfs          authgate, SQLite in /dev/shm: the same code without the cost of fsync
#   postgres       authgate on a private PostgreSQL cluster (scripts/postgres.sh), one fresh
#                  database per start
#   oidc-provider  node bench/peer/op-bench.mjs
#   disk-base      $BASE_BIN/authgate on disk, tmpfs-base on tmpfs: an earlier build (before a
#   tmpfs-base     change) measured in the same run as the current one, for before/after ratios
#   bare           examples/bare_axum.rs (discovery and JWKS only)
#
# Per round and target: a start with RS256 keys runs refresh, sso, discovery and jwks; a second
# start with ES256 keys runs refresh and sso. Each start records start-to-ready time (spawn to the
# first 200 from discovery, polled every 10 ms), VmRSS once ready (idle) and after the driver
# (after load), and for SQLite the largest -wal file seen (sampled every 0.5 s). The table of
# medians and ratios comes from bench/report.py; every record goes to $OUT (JSON lines).
#
# Usage: scripts/bench-peers.sh            (about 16 min with the defaults)
#   DURATION=10s WARMUP=2s CONCURRENCY=32 ROUNDS=3 PORT=18181
#   TARGETS="disk tmpfs postgres oidc-provider bare"
#   OUT=file.jsonl                         (default: a new temporary file, named at the end)
#   BIN=dir SKIP_BUILD=1                   binaries from elsewhere (a smoke test of the script
#                                          with a debug build), without building
#   BASE_BIN=dir                           the earlier build's directory for disk-base and
#                                          tmpfs-base (its authgate binary only)
#   SCENARIOS_RS256=refresh,sso            fewer scenarios per start (defaults: refresh,sso,
#   SCENARIOS_ES256=refresh                discovery,jwks and refresh,sso); bare runs its own two
# Before/after of one change, in one run (A B A B):
#   BASE_BIN=/tmp/before TARGETS="disk-base disk" SCENARIOS_RS256=refresh,sso \
#     SCENARIOS_ES256=refresh scripts/bench-peers.sh
# Quick mode: DURATION=5s WARMUP=1s ROUNDS=1 scripts/bench-peers.sh
set -euo pipefail

cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
CONCURRENCY=${CONCURRENCY:-32}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18181}
TARGETS=${TARGETS:-disk tmpfs postgres oidc-provider bare}
OUT=${OUT:-$(mktemp -t authgate-bench-peers.XXXXXX.jsonl)}
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release}

echo "# machine: nproc=$(nproc) arch=$(uname -m)" \
  "cpu=\"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)\"" \
  "mem=$(awk '/^MemTotal/ {printf "%.1fGiB", $2 / 1048576}' /proc/meminfo)"
echo "# kernel: $(uname -sr); node $(node --version)"
echo "# commit: ${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(
  git diff --quiet HEAD 2>/dev/null || echo ' (working tree has changes)')}"
echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# settings: DURATION=$DURATION WARMUP=$WARMUP CONCURRENCY=$CONCURRENCY ROUNDS=$ROUNDS TARGETS=\"$TARGETS\"" \
  "SCENARIOS_RS256=${SCENARIOS_RS256:-default} SCENARIOS_ES256=${SCENARIOS_ES256:-default}${BASE_BIN:+ BASE_BIN=$BASE_BIN}"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  cargo build --release --bin authgate --example load --example bare_axum
fi
echo "# binaries: $BIN"

# The peer, pinned by bench/peer/package-lock.json; reinstalled only when the lock changed.
peer=bench/peer
if [ ! -f "$peer/node_modules/.install-stamp" ] || [ "$peer/package-lock.json" -nt "$peer/node_modules/.install-stamp" ]; then
  (cd "$peer" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$peer/node_modules/.install-stamp"
fi
echo "# oidc-provider $(node -p "require('./$peer/node_modules/oidc-provider/package.json').version")"

SERVER_PID=""
DATA_DIR=""
WATCH_PID=""
PG_DIR=""
stop_server() {
  if [[ -n "$WATCH_PID" ]]; then
    kill "$WATCH_PID" 2>/dev/null || true
    wait "$WATCH_PID" 2>/dev/null || true
    WATCH_PID=""
  fi
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
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
cleanup() {
  stop_server
  if [[ -n "$PG_DIR" ]]; then
    scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

if [[ " $TARGETS " == *" postgres "* ]]; then
  PG_DIR=$(mktemp -u -t authgate-bench-pg.XXXXXX)
  scripts/postgres.sh start "$PG_DIR" >/dev/null
  PG_URL=$(cat "$PG_DIR/url")
  echo "# postgres: $(psql "$PG_URL" -XAtc 'SHOW server_version') (fsync and synchronous_commit as shipped: on)"
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
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
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

starts=0
# start TARGET ALG: starts it on a free port; sets BASE, READY_MS, FLAVOR, CLIENT.
start() {
  local target=$1 alg=$2 port config t0
  port=$(free_port)
  BASE="http://127.0.0.1:$port"
  FLAVOR=authgate
  CLIENT=demo
  starts=$((starts + 1))
  case $target in
    disk | tmpfs | postgres | disk-base | tmpfs-base)
      local bin=$BIN
      [[ $target == *-base ]] && bin=${BASE_BIN:?disk-base and tmpfs-base need BASE_BIN}
      if [[ $target == tmpfs* ]]; then
        DATA_DIR=$(mktemp -d -p /dev/shm authgate-bench.XXXXXX)
      else
        DATA_DIR=$(mktemp -d -t authgate-bench.XXXXXX)
      fi
      config=config/bench.toml
      if [[ $target == postgres ]]; then
        psql "$PG_URL" -XqAtc "CREATE DATABASE bench_$starts" >/dev/null
        export BENCH_DATABASE_URL="${PG_URL%/postgres}/bench_$starts?sslmode=disable"
        config=$DATA_DIR/bench-postgres.toml
        { cat config/bench.toml; printf '\n[store]\nurl_env = "BENCH_DATABASE_URL"\n'; } >"$config"
      fi

      t0=$(date +%s%N)
      AUTHGATE_TOKENS__ALGORITHM=$alg AUTHGATE_DATA_DIR=$DATA_DIR \
        AUTHGATE_LISTEN=127.0.0.1:$port AUTHGATE_ISSUER=$BASE RUST_LOG=warn \
        "$bin/authgate" serve --config "$config" >"$DATA_DIR/server.log" 2>&1 &
      SERVER_PID=$!
      ;;
    oidc-provider)
      FLAVOR=oidc-provider
      CLIENT=bench-$(echo "$alg" | tr 'A-Z' 'a-z')
      DATA_DIR=$(mktemp -d -t authgate-bench-op.XXXXXX)
      t0=$(date +%s%N)
      PORT=$port node "$peer/op-bench.mjs" >"$DATA_DIR/server.log" 2>&1 &
      SERVER_PID=$!
      ;;
    bare)
      FLAVOR=bare
      DATA_DIR=$(mktemp -d -t authgate-bench-bare.XXXXXX)
      t0=$(date +%s%N)
      "$BIN/examples/bare_axum" "$port" >"$DATA_DIR/server.log" 2>&1 &
      SERVER_PID=$!
      ;;
  esac
  for _ in $(seq 3000); do
    if curl -fs -o /dev/null --max-time 1 "$BASE/.well-known/openid-configuration"; then
      READY_MS=$((($(date +%s%N) - t0) / 1000000))
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.01
  done
  echo "$target did not become ready; its log:" >&2
  cat "$DATA_DIR/server.log" >&2
  exit 1
}

# The largest -wal file while the driver runs, sampled every 0.5 s.
watch_wal() {
  local wal=$1 out=$2 max=0 size
  while true; do
    size=$(stat -c %s "$wal" 2>/dev/null || echo 0)
    ((size > max)) && max=$size && echo "$max" >"$out"
    sleep 0.5
  done
}

status=0
for round in $(seq "$ROUNDS"); do
  for target in $TARGETS; do
    for alg in RS256 ES256; do
      case $target:$alg in
        bare:RS256) scenarios=discovery,jwks ;;
        bare:ES256) continue ;;
        *:RS256) scenarios=${SCENARIOS_RS256:-refresh,sso,discovery,jwks} ;;
        *:ES256) scenarios=${SCENARIOS_ES256:-refresh,sso} ;;
      esac
      start "$target" "$alg"
      idle=$(rss_kib "$SERVER_PID")
      wal_max_file="$DATA_DIR/wal-max"
      echo 0 >"$wal_max_file"
      if [[ $target == disk* || $target == tmpfs* ]]; then
        watch_wal "$DATA_DIR/authgate.sqlite-wal" "$wal_max_file" &
        WATCH_PID=$!
      fi
      echo "## round $round: $target $alg ($BASE, ready in $READY_MS ms, VmRSS $idle KiB)" >&2
      # The driver's lines go to stderr as they come (a `tee /dev/stderr` would reopen, and so
      # truncate, a log file that stdout and stderr share); its last line is the JSON summary.
      summary=$("$BIN/examples/load" --url "$BASE" --flavor "$FLAVOR" --client-id "$CLIENT" \
        --scenarios "$scenarios" --concurrency "$CONCURRENCY" --warmup "$WARMUP" \
        --duration "$DURATION" | tee >(cat >&2) | tail -n 1) || {
        status=1
        echo "load driver failed for $target $alg; server log:" >&2
        tail -n 20 "$DATA_DIR/server.log" >&2
      }
      after=$(rss_kib "$SERVER_PID")
      wal_max=$(cat "$wal_max_file")
      echo "{\"round\":$round,\"target\":\"$target\",\"alg\":\"$alg\",\"ready_ms\":$READY_MS,\"rss_idle_kib\":$idle,\"rss_after_kib\":$after,\"wal_max_bytes\":$wal_max,\"driver\":${summary:-null}}" >>"$OUT"
      stop_server
    done
  done
done
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg); records in $OUT"
python3 bench/report.py "$OUT"
exit $status
