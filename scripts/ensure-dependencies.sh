#!/usr/bin/env bash
# Makes sure the system libraries the package links against are installed.
# As root it installs what is missing with apt-get; otherwise it prints the exact command to run.
set -euo pipefail

missing=()
pkg-config --exists libcmark 2>/dev/null || missing+=(libcmark-dev)
pkg-config --exists libcurl 2>/dev/null || missing+=(libcurl4-openssl-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v swift >/dev/null 2>&1 || { echo "error: swift is not on PATH; install Swift 6.3 from swift.org" >&2; exit 1; }

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "error: missing system packages. Run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
