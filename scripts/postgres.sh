#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests: Debian's PostgreSQL (installed here if missing),
# initialised in a temporary directory, listening on a free loopback port and a socket in that
# directory, owned by a non-root user (PostgreSQL refuses to run as root). It never touches a
# server someone else started, nor the system's own cluster.
#
#   scripts/postgres.sh run -- COMMAND...  start a cluster, run COMMAND with
#                                          AUTHGATE_TEST_POSTGRES_URL (and _CA, the CA file of
#                                          the server's certificate) set, then stop the cluster
#                                          and delete it (also on failure or Ctrl-C); exits with
#                                          COMMAND's status
#   scripts/postgres.sh start DIR          start one in DIR (which must not exist) and print the
#                                          `export AUTHGATE_TEST_POSTGRES_URL=...` line, for a
#                                          shell that runs tests by hand
#   scripts/postgres.sh stop DIR           stop that one and delete DIR
#   scripts/postgres.sh halt DIR           stop that one as a crash would (pg_ctl -m immediate:
#                                          no shutdown checkpoint), keeping DIR
#   scripts/postgres.sh resume DIR         start a halted one again, on the same port (it
#                                          recovers from its WAL first)
#   scripts/postgres.sh install            only install PostgreSQL (idempotent)
#
# The URL names the cluster's `postgres` database as the superuser `authgate` with a random
# password; the tests create one database each from it (tests/api/support/postgres.rs). The
# server speaks TLS too, with a certificate from a CA made for the run.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

bindir() {
  # The newest installed major version (Debian 12 ships 15).
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
  fi
}

install() {
  local missing=()
  [ -n "$(bindir)" ] || missing+=(postgresql)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  echo "postgres.sh: installing Debian's ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >/dev/null
  # The package's own cluster is not used; in a container without an init system it does not
  # even start, and either way ours listens on another port and socket.
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [ -z "$(bindir)" ]; then
    echo "postgres.sh: installing postgresql gave no initdb/pg_ctl" >&2
    exit 1
  fi
}

# Runs a PostgreSQL program as the cluster's owner: `postgres` (made by Debian's package) when
# we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# start DIR: initdb + pg_ctl start on a free port; writes DIR/url.
start() {
  local dir=$1
  install
  local bin
  bin=$(bindir)
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"

  local password
  password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir/pwfile"
  # scram-sha-256 rather than trust: the tests then connect the way a deployment does, with a
  # password that must never reach a log. --no-sync: a throwaway cluster need not fsync initdb.
  as_owner "$bin/initdb" -D "$dir/data" -U authgate -A scram-sha-256 --pwfile="$dir/pwfile" \
    --no-sync -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    echo "postgres.sh: initdb failed" >&2
    exit 1
  }
  rm -f "$dir/pwfile"

  # TLS, so that `sslmode=verify-full` can be tested: a throwaway CA and a certificate it
  # signed for 127.0.0.1 and localhost (the key readable by the cluster's owner only).
  local tls=$dir/tls
  mkdir -p "$tls"
  {
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
      -subj "/CN=authgate test CA" -keyout "$tls/ca.key" -out "$tls/ca.crt" &&
      openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
        -subj "/CN=127.0.0.1" -keyout "$tls/server.key" -out "$tls/server.csr" &&
      openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" \
        -CAcreateserial -days 2 -out "$tls/server.crt" \
        -extfile <(printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n')
  } >"$dir/tls.log" 2>&1 || {
    cat "$dir/tls.log" >&2
    echo "postgres.sh: making the test certificates failed" >&2
    exit 1
  }
  chmod 600 "$tls/server.key"
  [ "$(id -u)" -ne 0 ] || chown -R postgres: "$tls"
  chmod 755 "$tls"
  chmod 644 "$tls/ca.crt"

  # A random free port; a race with another process taking it makes pg_ctl fail, so try again.
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    port_is_free "$port" || continue
    # Connections: each test opens a pool of its own (up to 10, 16 in the races), and the
    # replica tests run whole authgate processes.
    local options="-k $dir -p $port -c listen_addresses=127.0.0.1 -c max_connections=300 \
          -c ssl=on -c ssl_cert_file=$tls/server.crt -c ssl_key_file=$tls/server.key"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" \
      start >/dev/null 2>&1; then
      # Kept for `resume`, which must start it the same way (port included).
      printf '%s\n' "$options" >"$dir/options"
      echo "postgres://authgate:$password@127.0.0.1:$port/postgres" >"$dir/url"
      chmod 600 "$dir/url"
      return
    fi
    echo "postgres.sh: start on port $port failed (attempt $attempt)" >&2
  done
  tail -20 "$dir/server.log" >&2 || true
  echo "postgres.sh: could not start PostgreSQL" >&2
  exit 1
}

stop() {
  local dir=$1
  local bin
  bin=$(bindir)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    # immediate: the cluster is deleted next, so its shutdown checkpoint would be wasted work.
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

# halt DIR: a crash, as far as the database can tell (the tests of what survives one).
halt() {
  local dir=$1
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null
}

resume() {
  local dir=$1
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "$(cat "$dir/options")" start >/dev/null
}

case "${1:-}" in
  install)
    install
    ;;
  start)
    [ $# -eq 2 ] || { echo "usage: $0 start DIR" >&2; exit 2; }
    [ ! -e "$2" ] || { echo "postgres.sh: $2 exists; pick a new directory" >&2; exit 2; }
    start "$2"
    echo "export AUTHGATE_TEST_POSTGRES_URL='$(cat "$2/url")'"
    echo "export AUTHGATE_TEST_POSTGRES_CA='$2/tls/ca.crt'"
    ;;
  stop)
    [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
    stop "$2"
    ;;
  halt | resume)
    [ $# -eq 2 ] || { echo "usage: $0 $1 DIR" >&2; exit 2; }
    "$1" "$2"
    ;;
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || { echo "usage: $0 run -- COMMAND..." >&2; exit 2; }
    dir=$(mktemp -d "${TMPDIR:-/tmp}/authgate-pg.XXXXXX")
    rmdir "$dir"
    child=
    trap 'stop "$dir"' EXIT
    # Passed on to COMMAND, then the EXIT trap deletes the cluster.
    trap '[ -z "$child" ] || kill -INT "$child" 2>/dev/null; exit 130' INT
    trap '[ -z "$child" ] || kill -TERM "$child" 2>/dev/null; exit 143' TERM
    started=$(date +%s%N)
    start "$dir"
    echo "postgres.sh: private cluster on $(sed 's/.*@//' "$dir/url") ready in $((($(date +%s%N) - started) / 1000000)) ms" >&2
    AUTHGATE_TEST_POSTGRES_URL=$(cat "$dir/url")
    AUTHGATE_TEST_POSTGRES_CA=$dir/tls/ca.crt
    export AUTHGATE_TEST_POSTGRES_URL AUTHGATE_TEST_POSTGRES_CA
    # In the background and waited for, so that a signal reaches the traps at once (bash runs
    # traps only between commands).
    status=0
    "$@" &
    child=$!
    wait "$child" || status=$?
    exit "$status"
    ;;
  *)
    sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
