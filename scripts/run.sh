#!/usr/bin/env bash
# The first README command: starts the whole system locally.
#   - a private Postgres under .data/pg (unless ConnectionStrings__Postgres or ConnectionStrings__PostgresOwner is set):
#     migrations as its optauto_owner role, everything else as optauto_app,
#   - `optauto run` through scripts/optauto (the ReadyToRun publish the `optauto` command runs, made first when missing
#     or older than the sources), which applies migrations and hosts the worker until Ctrl+C.
# Extra arguments go to `optauto run`, e.g. ./scripts/run.sh --ExitRules:ExitAtDaysToExpiry=14
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -z "${ConnectionStrings__Postgres:-}${ConnectionStrings__PostgresOwner:-}" ]; then
  ./scripts/db.sh start
  ConnectionStrings__PostgresOwner=$(./scripts/db.sh url optauto_owner)
  ConnectionStrings__Postgres=$(./scripts/db.sh url optauto_app)
  export ConnectionStrings__PostgresOwner ConnectionStrings__Postgres
fi

exec ./scripts/optauto run "$@"
