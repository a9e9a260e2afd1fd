#!/usr/bin/env bash
# Runs every test of the package: installs what is missing, builds, runs Swift Testing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-dependencies.sh
swift build --build-tests
swift test --skip-build "$@"
