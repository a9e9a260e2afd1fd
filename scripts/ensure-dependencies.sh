#!/usr/bin/env bash
# Makes sure what the package needs is installed: Swift on PATH, and the Debian packages of the system libraries
# it links against (libcmark-dev, libcurl4-openssl-dev, libgoogle-perftools-dev for TCMalloc, pkg-config).
# As root it installs what is missing with apt-get; otherwise it prints the exact command to run and fails.
# Extra Debian packages to require can be passed as arguments (e.g. `ensure-dependencies.sh tidy chromium`), and
# Python packages from PyPI as `pip:NAME` (e.g. `pip:selenium`): those are installed with pip, wheels only, as
# whoever runs the script (a wheel runs no build step that could fetch anything else).
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  echo "error: swift is not on PATH. Install Swift 6.3 for your distribution from https://www.swift.org/install/" >&2
  exit 1
fi

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists libcmark 2>/dev/null || missing+=(libcmark-dev)
  pkg-config --exists libcurl 2>/dev/null || missing+=(libcurl4-openssl-dev)
  pkg-config --exists libtcmalloc_minimal 2>/dev/null || missing+=(libgoogle-perftools-dev)
else
  missing+=(libcmark-dev libcurl4-openssl-dev libgoogle-perftools-dev)
fi
python_missing=()
for package in "$@"; do
  case "$package" in
    pip:*)
      python3 -m pip show -q "${package#pip:}" >/dev/null 2>&1 || python_missing+=("${package#pip:}") ;;
    *)
      dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package") ;;
  esac
done
if [ ${#python_missing[@]} -gt 0 ]; then
  echo "==> pip install ${python_missing[*]}" >&2
  if ! timeout 300 python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --only-binary=:all: \
      "${python_missing[@]}" >&2
  then
    echo "error: could not install the Python packages ${python_missing[*]}. Run:" >&2
    echo "  python3 -m pip install --only-binary=:all: ${python_missing[*]}" >&2
    exit 1
  fi
fi

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "error: missing Debian packages: ${missing[*]}. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
