#!/usr/bin/env bash
# Store calls per refresh grant and per SSO login: starts an authgate release build on a fresh
# SQLite directory, drives one scenario with one user for a few seconds (examples/load.rs), and
# divides the store operations counted in /metrics (authgate_store_operation_duration_seconds)
# by the grants or codes issued. The driver's one sign-in per user adds well under one call per
# thousand iterations, so the figures round to the per-iteration counts.
#
# Usage: scripts/store-calls.sh [BIN_DIR]   (default target/release; its authgate binary and,
#        from target/release, the load example)   DURATION=3s PORT=18291
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release}
LOAD=${LOAD:-target/release/examples/load}
DURATION=${DURATION:-3s}
PORT=${PORT:-18291}
BASE="http://127.0.0.1:$PORT"

for scenario in refresh sso; do
  dir=$(mktemp -d -t authgate-calls.XXXXXX)
  AUTHGATE_DATA_DIR=$dir AUTHGATE_LISTEN=127.0.0.1:$PORT AUTHGATE_ISSUER=$BASE RUST_LOG=warn \
    "$BIN/authgate" serve --config config/bench.toml >"$dir/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 500); do
    curl -fs -o /dev/null "$BASE/healthz" && break
    sleep 0.02
  done
  "$LOAD" --url "$BASE" --scenarios "$scenario" --concurrency 1 --warmup 0s \
    --duration "$DURATION" >/dev/null
  curl -fs "$BASE/metrics" >"$dir/metrics"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  python3 - "$dir/metrics" "$scenario" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
scenario = sys.argv[2]
def total(name, **labels):
    n = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{"):
            continue
        if all(f'{k}="{v}"' in line for k, v in labels.items()):
            n += float(line.rsplit(" ", 1)[1])
    return n
unit = total("authgate_tokens_issued_total", grant_type="refresh_token") if scenario == "refresh" \
    else total("authgate_codes_issued_total") - 1  # minus the one password sign-in
ops = {}
for m in re.finditer(r'^authgate_store_operation_duration_seconds_count\{([^}]*)\} (\S+)$', text, re.M):
    op = re.search(r'operation="([^"]+)"', m.group(1)).group(1)
    ops[op] = ops.get(op, 0) + float(m.group(2))
print(f"{scenario}: {unit:.0f} iterations; store calls per iteration:")
per = {op: n / unit for op, n in ops.items() if n / unit >= 0.01}
for op, n in sorted(per.items(), key=lambda kv: -kv[1]):
    print(f"  {op:28} {n:5.2f}")
print(f"  {'total':28} {sum(per.values()):5.2f}")
PY
  rm -rf "$dir"
done
