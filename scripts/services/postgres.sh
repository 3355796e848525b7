#!/usr/bin/env bash
# A private PostgreSQL server for the indexer's tests and benchmark, idempotently:
#
#   scripts/services/postgres.sh start <dir>   # prints its URL: postgres://<user>@127.0.0.1:<port>/agentpad
#   scripts/services/postgres.sh stop <dir>
#
# start installs Debian's postgresql package when no server binary is found in
# /usr/lib/postgresql/*/bin, initialises a cluster in <dir>/data (trust authentication,
# local use only), starts it on a free port bound to 127.0.0.1 with its socket in <dir>,
# creates the database `agentpad`, and prints the URL; a running server's URL is printed
# again. Settings for bulk ingest (a backfill, the benchmark's million trades): 256 MB of
# shared buffers, checkpoints every 4 GB of WAL or 30 min, compressed full-page images —
# with checkpoints every 1 GB (the default) this machine's disk halved the ingest rate. PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres`
# OS user (its database superuser is then `postgres`). Errors: one line on stderr, exit 1
# (exit 2: bad usage). The server log is <dir>/postgres.log.
set -euo pipefail
fail() { echo "error: postgres: $*" >&2; exit 1; }
usage() { echo "usage: scripts/services/postgres.sh start|stop <dir>" >&2; exit 2; }
[ $# -eq 2 ] || usage
CMD=$1
case "$CMD" in start|stop) ;; *) usage ;; esac
mkdir -p "$2" || fail "cannot create $2"
DIR=$(cd "$2" && pwd)
DATA=$DIR/data

server_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
BIN=$(server_bin)
if [ -z "$BIN" ] || [ ! -x "$BIN/postgres" ]; then
  [ "$CMD" = stop ] && { echo "postgres: not installed, nothing to stop"; exit 0; }
  command -v apt-get >/dev/null || fail "PostgreSQL is not installed and apt-get is not available: install Debian's postgresql package"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  LOG=$(mktemp /tmp/agentpad-postgres-install.XXXXXX)
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -q --no-install-recommends postgresql >"$LOG" 2>&1 \
    || { $SUDO apt-get update -q >>"$LOG" 2>&1 && $SUDO apt-get install -y -q --no-install-recommends postgresql >>"$LOG" 2>&1; } \
    || fail "apt-get install postgresql failed (log: $LOG)"
  BIN=$(server_bin)
  [ -n "$BIN" ] && [ -x "$BIN/postgres" ] || fail "postgresql installed but no server in /usr/lib/postgresql/*/bin"
fi

# As root, everything runs as the postgres OS user, which must own the directory.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || fail "running as root needs the postgres OS user (Debian's postgresql package creates it)"
  AS=(runuser -u postgres --)
  DBUSER=postgres
  chown -R postgres: "$DIR" || fail "cannot give $DIR to the postgres user"
else
  AS=()
  DBUSER=$(id -un)
fi

running() { "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }
url() { echo "postgres://$DBUSER@127.0.0.1:$(cat "$DIR/port")/agentpad"; }

if [ "$CMD" = stop ]; then
  if [ -f "$DATA/PG_VERSION" ] && running; then
    "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" stop -m fast -w >/dev/null 2>&1 || fail "pg_ctl stop failed (log: $DIR/postgres.log)"
    echo "postgres: stopped ($DIR)"
  else
    echo "postgres: not running ($DIR)"
  fi
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  "${AS[@]}" "$BIN/initdb" -D "$DATA" -U "$DBUSER" -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || fail "initdb failed (log: $DIR/initdb.log)"
fi
if ! running; then
  PORT=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })') \
    || fail "no free port"
  echo "$PORT" > "$DIR/port"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR/port"
  "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DIR/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c max_connections=100 -c shared_buffers=256MB -c max_wal_size=4GB -c checkpoint_timeout=30min -c wal_compression=on" start >/dev/null 2>&1 \
    || fail "the server did not start (log: $DIR/postgres.log)"
fi
PORT=$(cat "$DIR/port")
if ! "${AS[@]}" "$BIN/psql" -h "$DIR" -p "$PORT" -U "$DBUSER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'agentpad'" | grep -q 1; then
  "${AS[@]}" "$BIN/createdb" -h "$DIR" -p "$PORT" -U "$DBUSER" agentpad 2>"$DIR/createdb.log" || fail "createdb agentpad failed (log: $DIR/createdb.log)"
fi
url
