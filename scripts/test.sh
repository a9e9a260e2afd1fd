#!/usr/bin/env bash
# Runs every test of the package: installs what is missing (as root) or says what to install, builds the package
# and its tests (which also builds the `lessons` command the end-to-end tests drive), then runs Swift Testing.
# Extra arguments go to `swift test` (e.g. `--filter SiteTests`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-dependencies.sh tidy
swift build --build-tests
swift test --skip-build "$@"
