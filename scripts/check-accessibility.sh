#!/usr/bin/env bash
# Checks the built site as readers meet it, in headless Chromium: axe-core's accessibility rules, horizontal
# overflow, and the rendered size of chart labels, on the index, a topic page, every lesson page and the search
# page, at 1280 px and 390 px wide, light and dark (scripts/check-accessibility.py does the work and says how).
# Prints the violations of each page and the totals; exit status 1 on any violation, overflow or chart label
# under 11 px.
#
# Usage: scripts/check-accessibility.sh [SITE_FOLDER] [OPTIONS…]
#   SITE_FOLDER: a built site (e.g. site/). Without one, the site is built first (scripts/build-site.sh) into a
#   temporary folder, so site/ stays as it is. OPTIONS go to the Python check (--json PATH, --limit N).
# Needs Chromium and its driver (Debian: chromium, chromium-driver) and, from PyPI, selenium and
# selenium-axe-python (which bundles axe-core 4); installed here when missing.
set -euo pipefail
site_arg=""
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  site_arg=$(realpath -m "$1")
  shift
fi
cd "$(dirname "$0")/.."
scripts/ensure-dependencies.sh chromium chromium-driver pip:selenium pip:selenium-axe-python
site="$site_arg"
if [ -z "$site" ]; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  site="$scratch/site"
  scripts/build-site.sh --quiet --out "$site"
fi
if [ ! -f "$site/index.html" ]; then
  echo "error: $site has no index.html: give a built site folder, or none to build one" >&2
  exit 2
fi
# Bounded: 20 page views take about a minute; a hung browser fails the check instead of blocking it. (No exec:
# the temporary site is removed when the script exits.)
timeout 900 python3 scripts/check-accessibility.py "$site" "$@"
