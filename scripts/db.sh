#!/usr/bin/env bash
# A private PostgreSQL cluster for this checkout: start | stop | status | url [ROLE].
#   OPTAUTO_PG_DIR   data directory           (default: .data/pg)
#   OPTAUTO_PG_PORT  TCP port on 127.0.0.1    (default: 25432, below the ephemeral ports: see PostgresConnection)
#   OPTAUTO_PG_DB    database name           (default: optauto)
# `start` also makes the two roles optauto connects as (README "Database roles"): optauto_owner, which owns the
# database and runs the migrations, and optauto_app, which the worker, CLI and API use; neither is a superuser.
# `url` prints the connection string of ROLE (default: postgres, the superuser).
# Idempotent. As root the server runs as the `postgres` OS user (PostgreSQL refuses root).
# Needs PostgreSQL 15 or later. Where initdb/pg_ctl are missing it installs Debian's `postgresql` package on a machine
# with apt-get, and elsewhere says what to install by hand (macOS: `brew install postgresql@15`).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${OPTAUTO_PG_PORT:-25432}
database=${OPTAUTO_PG_DB:-optauto}
pgdir=${OPTAUTO_PG_DIR:-$root/.data/pg}

say() { printf 'db.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*"; fi
}

# The directory holding initdb and pg_ctl: PATH first, then Debian's versioned layout, then Homebrew's keg-only
# postgresql@N formulae (Apple silicon and Intel prefixes), the newest version first.
find_bindir() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return 0
  fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin /opt/homebrew/opt/postgresql@*/bin /usr/local/opt/postgresql@*/bin \
               2>/dev/null | sort -t@ -k2 -V -r || true); do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}

# The major version of the server binaries; the migrations use PostgreSQL 15 features.
require_version() {
  local major
  major=$("$bindir/pg_ctl" --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')
  [ "$major" -ge 15 ] 2>/dev/null \
    || die "PostgreSQL $major found in $bindir; 15 or later is needed (Debian 12+: apt-get install postgresql; macOS: brew install postgresql@15)"
}

# psql next to pg_ctl (it may be a symlink into Debian's versioned directory), else on PATH.
find_psql() {
  local d
  for d in "$bindir" "$(dirname "$(readlink -f "$bindir/pg_ctl")")"; do
    if [ -x "$d/psql" ]; then echo "$d/psql"; return 0; fi
  done
  command -v psql || die "psql not found (Debian: apt-get install postgresql-client)"
}

ensure_binaries() {
  if ! bindir=$(find_bindir); then
    command -v apt-get >/dev/null 2>&1 \
      || die "initdb/pg_ctl not found and this machine has no apt-get: install PostgreSQL 15 or later by hand (macOS: brew install postgresql@15) and run again"
    say "initdb/pg_ctl not found: installing Debian's postgresql package"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir=$(find_bindir) || die "postgresql installed but initdb/pg_ctl still not found"
  fi
  require_version
}

running_as_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a PostgreSQL binary as the user that owns the cluster.
as_server_user() {
  if running_as_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# As root the data directory must be reachable by the postgres user; a checkout under a private
# home directory is not, so the cluster then lives under /var/tmp, keyed by the checkout path.
resolve_pgdir() {
  running_as_root || return 0
  id postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  mkdir -p "$(dirname "$pgdir")"
  if ! runuser -u postgres -- test -x "$(dirname "$pgdir")"; then
    local key
    key=$(printf '%s' "$pgdir" | cksum | cut -d' ' -f1)
    pgdir=/var/tmp/optauto-pg-$key
    say "the postgres user cannot reach the checkout; using $pgdir"
  fi
}

is_running() {
  [ -f "$pgdir/PG_VERSION" ] && as_server_user "$bindir/pg_ctl" status -D "$pgdir" >/dev/null 2>&1
}

# The port a running server listens on (line 4 of postmaster.pid), else the configured one.
current_port() {
  if is_running && [ -f "$pgdir/postmaster.pid" ]; then sed -n 4p "$pgdir/postmaster.pid"; else echo "$port"; fi
}

init_cluster() {
  [ -f "$pgdir/PG_VERSION" ] && return 0
  say "creating cluster in $pgdir"
  mkdir -p "$pgdir"
  if running_as_root; then chown postgres:postgres "$pgdir"; fi
  chmod 700 "$pgdir"
  # trust on loopback only: this cluster listens on 127.0.0.1 and holds development data.
  as_server_user "$bindir/initdb" -D "$pgdir" -U postgres -A trust -E UTF8 --locale=C >/dev/null
  as_server_user sh -c "cat >> '$pgdir/postgresql.conf'" <<CONF

# optauto private cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
timezone = 'UTC'
max_connections = 200
fsync = on
CONF
}

# The roles, and the database owned by optauto_owner. A database from before the roles (owned by postgres, as
# everything in it) is handed to optauto_owner, so that it can migrate it. Skipped for the maintenance database.
ensure_roles() {
  local psql
  psql=$(find_psql)
  "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(current_port)" -U postgres -d postgres -v db="$database" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', r) FROM unnest(ARRAY['optauto_owner', 'optauto_app']) r
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) \gexec
SELECT :'db' = 'postgres' AS maintenance \gset
\if :maintenance
\quit
\endif
SELECT format('CREATE DATABASE %I OWNER optauto_owner', :'db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO optauto_owner', datname) FROM pg_database
 WHERE datname = :'db' AND datdba <> 'optauto_owner'::regrole \gexec
\connect :db
SELECT format('ALTER %s %s OWNER TO optauto_owner', CASE relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, oid::regclass)
  FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm') AND relowner <> 'optauto_owner'::regrole \gexec
SELECT format('ALTER ROUTINE %s OWNER TO optauto_owner', oid::regprocedure)
  FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND proowner <> 'optauto_owner'::regrole \gexec
SQL
}

cmd_start() {
  ensure_binaries
  resolve_pgdir
  init_cluster
  if is_running; then
    say "already running on port $(current_port)"
  else
    as_server_user "$bindir/pg_ctl" start -D "$pgdir" -l "$pgdir/server.log" -w -t 60 -o "-p $port" >/dev/null \
      || { tail -n 20 "$pgdir/server.log" >&2 || true; die "server did not start (log: $pgdir/server.log)"; }
    say "running on 127.0.0.1:$port (data: $pgdir)"
  fi
  ensure_roles
}

cmd_stop() {
  bindir=$(find_bindir) || { say "not installed"; return 0; }
  resolve_pgdir
  if is_running; then
    as_server_user "$bindir/pg_ctl" stop -D "$pgdir" -m fast -w >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

cmd_status() {
  bindir=$(find_bindir) || { echo "not installed"; return 3; }
  resolve_pgdir
  if is_running; then echo "running on 127.0.0.1:$(current_port) (data: $pgdir)"; return 0; fi
  if [ -f "$pgdir/PG_VERSION" ]; then echo "stopped (data: $pgdir)"; else echo "not created (data: $pgdir)"; fi
  return 3
}

cmd_url() {
  if bindir=$(find_bindir); then resolve_pgdir; port=$(current_port); fi
  echo "Host=127.0.0.1;Port=$port;Username=${1:-postgres};Database=$database"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  url) cmd_url "${2:-}" ;;
  *) echo "usage: $0 start|stop|status|url [ROLE]" >&2; exit 2 ;;
esac
