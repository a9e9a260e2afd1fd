#!/usr/bin/env bash
# Benchmarks `lessons build` against Jekyll and Hugo on the same 1,000 distinct synthetic lessons of about 8 KB
# (GTN dialect for lessons, plain Markdown for the others), then times a `lessons build` with nothing changed and
# one with a single lesson changed.
#
# Usage: scripts/bench-site.sh [--lessons N] [--runs R] [--work DIR]
#   --runs R   builds each generator R times (caches cleared before each) and keeps the fastest (default 1).
#   --work DIR where the corpus and outputs go (default /dev/shm/lessons-bench, else $TMPDIR/lessons-bench).
# Env: LESSONS_BIN=path/to/lessons skips the release build.
# Prints a Markdown table: wall and CPU seconds, pages/s and how many times faster `lessons` is (its build writes
# the search index too); then scripts/bench-search.py's figures for the built site's search page: bytes a query
# loads as a % of the site's text, and the query's time in headless Chromium (needs chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

# The corpus and every generator's output live in tmpfs when there is one: this machine's root file system is ext4
# without a journal, where creating thousands of files just after deleting thousands (a clean build) costs every
# generator a kernel scan per new inode (`recently_deleted`); `--work /tmp/somewhere` measures on disk instead.
lessons=1000 runs=1 work="${TMPDIR:-/tmp}/lessons-bench"
[ -d /dev/shm ] && [ -w /dev/shm ] && work=/dev/shm/lessons-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --lessons) lessons="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "usage: $0 [--lessons N] [--runs R] [--work DIR]" >&2; exit 2 ;;
  esac
done

missing=()
command -v jekyll >/dev/null 2>&1 || missing+=(jekyll)
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing ${missing[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "error: the benchmark needs ${missing[*]}. Run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if [ -z "${LESSONS_BIN:-}" ]; then
  scripts/ensure-dependencies.sh
  echo "==> swift build -c release --product lessons" >&2
  swift build -c release --product lessons >&2
  LESSONS_BIN="$(swift build -c release --show-bin-path)/lessons"
fi

echo "==> generating $lessons lessons in $work" >&2
python3 scripts/generate-bench-corpus.py "$work" --lessons "$lessons" >&2

# Each timing prints "wall cpu": elapsed seconds and user+system CPU seconds (from /usr/bin/time), so that a run on
# a machine busy with other work can be read both ways.
timed() {
  local out; out=$(mktemp)
  /usr/bin/time -f "%e %U %S" -o "$out" "$@" >/dev/null
  awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$out"
  rm -f "$out"
}
fastest() { printf '%s\n' "$@" | sort -g -k1,1 | head -n1; }

time_lessons() {
  rm -rf "$work/lessons/site"
  timed "$LESSONS_BIN" build --quiet --content "$work/lessons/content" --templates "$work/lessons/templates" \
    --out "$work/lessons/site"
}
time_lessons_unchanged() {
  timed "$LESSONS_BIN" build --quiet --content "$work/lessons/content" --templates "$work/lessons/templates" \
    --out "$work/lessons/site"
}
time_lessons_one_changed() {
  local lesson="$work/lessons/content/topics/topic-00/tutorials/lesson-0000/tutorial.md"
  printf '\nOne more line, so that this lesson changed (%s).\n' "$RANDOM" >>"$lesson"
  timed "$LESSONS_BIN" build --quiet --content "$work/lessons/content" --templates "$work/lessons/templates" \
    --out "$work/lessons/site"
}
time_jekyll() {
  rm -rf "$work/jekyll-site" "$work/jekyll/.jekyll-cache" "$work/jekyll/.jekyll-metadata"
  (cd "$work/jekyll" && timed jekyll build --quiet --destination "$work/jekyll-site")
}
time_hugo() {
  rm -rf "$work/hugo-site" "$work/hugo/resources"
  (cd "$work/hugo" && timed hugo --quiet --destination "$work/hugo-site")
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
l=() j=() h=() u=() c=()
for run in $(seq "$runs"); do
  echo "==> run $run/$runs: lessons" >&2; l+=("$(time_lessons)")
  for _ in 1 2 3; do u+=("$(time_lessons_unchanged)"); done
  for _ in 1 2 3; do c+=("$(time_lessons_one_changed)"); done
  echo "==> run $run/$runs: jekyll" >&2; j+=("$(time_jekyll)")
  echo "==> run $run/$runs: hugo" >&2; h+=("$(time_hugo)")
done
read -r lt lc <<<"$(fastest "${l[@]}")"
read -r jt jc <<<"$(fastest "${j[@]}")"
read -r ht hc <<<"$(fastest "${h[@]}")"
read -r ut uc <<<"$(fastest "${u[@]}")"
read -r ct cc <<<"$(fastest "${c[@]}")"

pages_lessons=$(find "$work/lessons/site/topics" -name tutorial.html | wc -l)
pages_jekyll=$(find "$work/jekyll-site/topics" -name tutorial.html | wc -l)
pages_hugo=$(find "$work/hugo-site/topics" -path '*/tutorial/index.html' | wc -l)
for count in "$pages_lessons" "$pages_jekyll" "$pages_hugo"; do
  if [ "$count" -ne "$lessons" ]; then
    echo "error: a generator wrote $count lesson pages instead of $lessons (lessons $pages_lessons," \
      "jekyll $pages_jekyll, hugo $pages_hugo)" >&2
    exit 1
  fi
done

rate() { awk -v n="$lessons" -v t="$1" 'BEGIN { printf "%.0f", n / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }'; }
echo
echo "$lessons distinct lessons of about 8 KB; fastest of $runs run(s); $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)); work folder on $(df -T "$work" | awk 'NR == 2 { print $2 }'); load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo
echo "| generator | wall s | pages/s | lessons faster by (wall) | CPU s | lessons faster by (CPU) |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| lessons build | $lt | $(rate "$lt") | – | $lc | – |"
echo "| Jekyll $(jekyll --version 2>/dev/null | awk '{ print $2 }') (cache cleared) | $jt | $(rate "$jt") | $(ratio "$jt" "$lt") | $jc | $(ratio "$jc" "$lc") |"
echo "| Hugo $(hugo version 2>/dev/null | awk '{ print $2 }' | cut -d- -f1 | cut -d+ -f1) | $ht | $(rate "$ht") | $(ratio "$ht" "$lt") | $hc | $(ratio "$hc" "$lc") |"
echo "| lessons build, nothing changed | $ut | – | – | $uc | – |"
echo "| lessons build, one lesson changed | $ct | – | – | $cc | – |"
echo
echo "Build with the search index: $(ratio "$ht" "$lt") faster than Hugo (wall), $(ratio "$hc" "$lc") (CPU); target ≥ 5×."
echo
scripts/ensure-dependencies.sh chromium >&2
python3 scripts/bench-search.py "$work/lessons/site" --runs 5
