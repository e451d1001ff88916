#!/usr/bin/env bash
# The second README command: restores, builds and runs every test project against a real Postgres.
# The integration tests use a private cluster under .data/pg-test on a free port (started here,
# stopped on exit); set OPTAUTO_TEST_POSTGRES to a server connection string to use your own instead.
# Extra arguments go to `dotnet test`, e.g. ./scripts/test.sh --filter "Category!=Slow"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

free_port() {
  local p
  for p in $(seq 25433 25633); do   # below the ephemeral ports, as db.sh's default
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "test.sh: no free port in 25433-25633" >&2; return 1
}

# The build runs `npm ci` for the dashboard's chart library; the browser tests (Category=Browser) drive
# /usr/bin/chromium and skip, saying so, where it cannot be installed.
./scripts/ensure-package.sh npm nodejs npm
./scripts/ensure-package.sh chromium chromium \
  || echo "test.sh: chromium could not be installed: the browser tests (Category=Browser) will be skipped" >&2

echo "test.sh: restoring and building" >&2
dotnet restore OptionsAutomation.sln --nologo -v quiet
dotnet build OptionsAutomation.sln -c Release --no-restore --nologo -v quiet -clp:ErrorsOnly

if [ -z "${OPTAUTO_TEST_POSTGRES:-}" ]; then
  export OPTAUTO_PG_DIR="$PWD/.data/pg-test"
  OPTAUTO_PG_PORT=$(free_port)
  export OPTAUTO_PG_PORT
  # The tests use the maintenance database as the superuser and create a database per test class: no optauto database.
  OPTAUTO_PG_DB=postgres ./scripts/db.sh start
  trap './scripts/db.sh stop || true' EXIT
  OPTAUTO_TEST_POSTGRES=$(OPTAUTO_PG_DB=postgres ./scripts/db.sh url)
  export OPTAUTO_TEST_POSTGRES
fi

echo "test.sh: running tests" >&2
dotnet test OptionsAutomation.sln -c Release --no-build --nologo "$@"
