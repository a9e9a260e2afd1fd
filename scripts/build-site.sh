#!/usr/bin/env bash
# Builds the training site: content/ → site/ (open site/index.html, or run `lessons serve`).
# Installs what is missing (as root) or says what to install, builds the `lessons` command and the libraries lesson
# programs link against in release mode, then
# runs `lessons build`; extra arguments are passed on (e.g. `--refresh`, `--strict`, `--base-url URL`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-dependencies.sh
# The lesson programs the builder compiles link against these two libraries, found beside the `lessons` binary.
for product in lessons Multiprocessing LessonSupport; do
  echo "==> swift build -c release --product $product" >&2
  swift build -c release --product "$product"
done
exec "$(swift build -c release --show-bin-path)/lessons" build "$@"
