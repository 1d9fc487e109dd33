#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the test suites.
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # prints: export HOSTERRA_TEST_POSTGRES_URL=…
#   scripts/pg-test-cluster.sh stop              # stops it and deletes its directory
#   scripts/pg-test-cluster.sh status
#   scripts/pg-test-cluster.sh start-existing    # starts the server of the state file again after a
#                                                # `pg_ctl stop` (outage tests), same port and options
#
# The cluster lives in a temp directory owned by `postgres` (the server refuses to run as root),
# trusts local TCP connections, listens on 127.0.0.1 only, on a free port, with fsync off: it is
# for tests, never for data. Its directory, port and URL are kept in a state file under /tmp so
# `stop` finds it (override with HOSTERRA_PG_STATE to run several side by side).
set -euo pipefail

STATE="${HOSTERRA_PG_STATE:-/tmp/hosterra-pg-test-cluster.state}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

log() { echo "pg-test-cluster: $*" >&2; }

# Runs a server binary as the postgres user when we are root, as ourselves otherwise.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'EOF' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

# Starts the server of cluster directory $1 on port $2; prints the server log when it does not start.
start_server() {
  local dir="$1" port="$2"
  # max_connections: every test database gets its own small pool, and the suites run in parallel.
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB" \
    start >/dev/null \
    || { log "server did not start:"; cat "$dir/log" >&2 || true; return 1; }
}

start() {
  if [ -f "$STATE" ]; then
    # shellcheck disable=SC1090
    . "$STATE"
    if [ -n "${PG_DIR:-}" ] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
      log "already running in $PG_DIR"
      echo "export HOSTERRA_TEST_POSTGRES_URL=$PG_URL"
      return
    fi
    log "stale state file $STATE; starting a new cluster"
    rm -f "$STATE"
  fi
  [ -x "$PG_BIN/initdb" ] || { log "no PostgreSQL server binaries in $PG_BIN (apt-get install postgresql-15)"; exit 1; }

  local dir port url
  dir="$(mktemp -d /tmp/hosterra-pg.XXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  port="$(free_port)"
  as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  start_server "$dir" "$port" || { rm -rf "$dir"; exit 1; }
  url="postgres://postgres@127.0.0.1:$port/postgres"
  printf 'PG_DIR=%q\nPG_PORT=%q\nPG_URL=%q\n' "$dir/data" "$port" "$url" >"$STATE"
  log "running on port $port in $dir"
  echo "export HOSTERRA_TEST_POSTGRES_URL=$url"
}

# The same cluster again (same directory, port and data), for tests that stop the server on purpose.
start_existing() {
  [ -f "$STATE" ] || { log "nothing to start (no $STATE)"; exit 1; }
  # shellcheck disable=SC1090
  . "$STATE"
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    log "already running in $PG_DIR"
  else
    start_server "$(dirname "$PG_DIR")" "$PG_PORT" || exit 1
    log "running again on port $PG_PORT"
  fi
  echo "export HOSTERRA_TEST_POSTGRES_URL=$PG_URL"
}

stop() {
  if [ ! -f "$STATE" ]; then
    log "not running (no $STATE)"
    return
  fi
  # shellcheck disable=SC1090
  . "$STATE"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  case "$PG_DIR" in
    /tmp/hosterra-pg.*/data) rm -rf "$(dirname "$PG_DIR")" ;;
    *) log "not deleting unexpected directory $PG_DIR" ;;
  esac
  rm -f "$STATE"
  log "stopped"
}

status() {
  if [ -f "$STATE" ]; then
    # shellcheck disable=SC1090
    . "$STATE"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" status
    echo "HOSTERRA_TEST_POSTGRES_URL=$PG_URL"
  else
    echo "not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  start-existing) start_existing ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|start-existing|stop|status" >&2; exit 2 ;;
esac
