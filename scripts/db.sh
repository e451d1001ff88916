#!/usr/bin/env bash
# A private PostgreSQL cluster for this checkout: start | stop | status | url.
#   OPTAUTO_PG_DIR   data directory           (default: .data/pg)
#   OPTAUTO_PG_PORT  TCP port on 127.0.0.1    (default: 55432)
#   OPTAUTO_PG_DB    database name in `url`   (default: optauto)
# Idempotent. As root the server runs as the `postgres` OS user (PostgreSQL refuses root).
# Where initdb/pg_ctl are missing it installs Debian's `postgresql` package.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${OPTAUTO_PG_PORT:-55432}
database=${OPTAUTO_PG_DB:-optauto}
pgdir=${OPTAUTO_PG_DIR:-$root/.data/pg}

say() { printf 'db.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*"; fi
}

# The directory holding initdb and pg_ctl: PATH first, then Debian's versioned layout.
find_bindir() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return 0
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  return 1
}

ensure_binaries() {
  if bindir=$(find_bindir); then return 0; fi
  say "initdb/pg_ctl not found: installing Debian's postgresql package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bindir=$(find_bindir) || die "postgresql installed but initdb/pg_ctl still not found"
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

cmd_start() {
  ensure_binaries
  resolve_pgdir
  init_cluster
  if is_running; then
    say "already running on port $(current_port)"
    return 0
  fi
  as_server_user "$bindir/pg_ctl" start -D "$pgdir" -l "$pgdir/server.log" -w -t 60 -o "-p $port" >/dev/null \
    || { tail -n 20 "$pgdir/server.log" >&2 || true; die "server did not start (log: $pgdir/server.log)"; }
  say "running on 127.0.0.1:$port (data: $pgdir)"
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
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$database"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  url) cmd_url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
