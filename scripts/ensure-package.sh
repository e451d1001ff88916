#!/usr/bin/env bash
# ensure-package.sh COMMAND PACKAGE...: makes sure COMMAND is on PATH. Where it is missing and the machine has
# Debian's apt-get, installs Debian's PACKAGEs (a clean CI machine gets npm for the dashboard's chart library and
# chromium for the browser tests); elsewhere (macOS, other distributions) says what to install by hand, as the
# README's prerequisites list it. Nothing is installed when COMMAND is already there. Exit code 1 when it is still
# missing afterwards.
set -euo pipefail

command_name=$1; shift
command -v "$command_name" >/dev/null 2>&1 && exit 0

say() { printf 'ensure-package.sh: %s\n' "$*" >&2; }

# What to install by hand where there is no apt-get: Homebrew on macOS, the distribution's own package elsewhere.
hand_install_hint() {
  local brew
  case "$command_name" in
    npm|node) brew="brew install node" ;;
    chromium) brew="brew install --cask chromium" ;;
    *) brew="brew install $command_name" ;;
  esac
  if [ "$(uname -s)" = Darwin ]; then echo "install it with Homebrew: $brew"
  else echo "install your distribution's package for it (Debian's name: $*)"; fi
}

if ! command -v apt-get >/dev/null 2>&1; then
  say "$command_name not found and this machine has no apt-get: $(hand_install_hint "$@")"
  exit 1
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "need root to run: $*"; return 1; fi
}

say "$command_name not found: installing Debian's $*"
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || say "apt-get install $* failed"
command -v "$command_name" >/dev/null 2>&1 || { say "$command_name still missing: $(hand_install_hint "$@")"; exit 1; }
