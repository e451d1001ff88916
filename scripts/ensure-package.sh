#!/usr/bin/env bash
# ensure-package.sh COMMAND PACKAGE...: installs Debian's PACKAGEs when COMMAND is not on PATH, so a clean
# machine (CI) gets what the build and the tests need: npm for the dashboard's chart library, chromium for the
# browser tests. Exit code 1 when the command is still missing afterwards.
set -euo pipefail

command_name=$1; shift
command -v "$command_name" >/dev/null 2>&1 && exit 0

say() { printf 'ensure-package.sh: %s\n' "$*" >&2; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "need root to run: $*"; return 1; fi
}

say "$command_name not found: installing Debian's $*"
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || say "apt-get install $* failed"
command -v "$command_name" >/dev/null 2>&1
