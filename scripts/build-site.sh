#!/usr/bin/env bash
# Builds the training site: content/ → site/. Installs what is missing, builds the `lessons` command in release
# mode, then runs `lessons build` (extra arguments are passed on, e.g. --refresh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-dependencies.sh
swift build -c release --product lessons
"$(swift build -c release --show-bin-path)/lessons" build "$@"
