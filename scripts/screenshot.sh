#!/usr/bin/env bash
# Renders a page of the built site in headless Chromium and saves light and dark screenshots, to look at the
# site as a reader does.
#
# Usage: scripts/screenshot.sh [PAGE[?QUERY]] [OUTPUT_FOLDER]
#   PAGE defaults to the first tutorial page under site/ and may end in a query (site/search.html?q=pool),
#   passed on to the page's URL; OUTPUT_FOLDER to screenshots/ (PNG files <name>-light.png and <name>-dark.png,
#   <name> the lesson's folder, or folder-file for other pages: site-search, data-science-index).
#   Build the site first (scripts/build-site.sh).
# Env: WIDTH (default 1200), HEIGHT (default 2400).
set -euo pipefail
# Paths given on the command line are taken from the current folder, defaults from the project's.
query=""
case "${1:-}" in *\?*) query="?${1#*\?}" ;; esac
page_arg="${1:+$(realpath -m "${1%%\?*}")}"
out_arg="${2:+$(realpath -m "$2")}"
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    browser=$(command -v chromium)
  else
    echo "error: no Chromium found. Run:" >&2
    echo "  sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

page="${page_arg:-$(find site/topics -name tutorial.html 2>/dev/null | sort | head -n1)}"
out="${out_arg:-screenshots}"
if [ -z "$page" ] || [ ! -f "$page" ]; then
  echo "error: no page to render (${page:-none found under site/topics}); build the site first: scripts/build-site.sh" >&2
  exit 1
fi
mkdir -p "$out"
name=$(basename "$(dirname "$page")")
[ "$(basename "$page")" = tutorial.html ] || name="$name-$(basename "$page" .html)"
url="file://$(realpath "$page")$query"
flags=(--headless --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check
  --window-size="${WIDTH:-1200},${HEIGHT:-2400}" --virtual-time-budget=2000)
[ "$(id -u)" = 0 ] && flags+=(--no-sandbox)

for theme in light dark; do
  extra=()
  [ "$theme" = dark ] && extra=(--force-dark-mode)
  target="$(realpath "$out")/$name-$theme.png"
  "$browser" "${flags[@]}" "${extra[@]}" --user-data-dir="$(mktemp -d)" --screenshot="$target" "$url" >/dev/null 2>&1
  echo "$target"
done
