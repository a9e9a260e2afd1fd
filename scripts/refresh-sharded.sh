#!/usr/bin/env bash
# Proves a sharded refresh on this machine: runs `lessons build --refresh --shard I/N` for I = 1…N as separate
# processes at once, each on its own copy of the content folder (as N CI runners would), merges the results files
# each shard wrote into the content folder, and checks the merge against one plain `--refresh` (on another copy):
# the shards together must have written exactly the lessons the single refresh wrote, no lesson twice, with the
# same cell statuses and the same outputs (exactly, or equal once numbers are masked: timings differ run to run).
#
#   scripts/refresh-sharded.sh N [--content DIR] [--templates DIR] [--jobs J] [--no-reference] [LESSON…]
#
# LESSON… refreshes only those lessons (as `--refresh NAME…`). --jobs is each shard's --jobs (default: CPUs / N).
# --no-reference skips the single refresh and its checks (halves the time; the merge is still checked for
# overlaps). The `lessons` command is $LESSONS when set, else built in release mode as scripts/build-site.sh does.
# Prints the time of each shard and of the whole; exit status 1 when a shard fails or a check does not hold.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

usage() { echo "usage: $0 N [--content DIR] [--templates DIR] [--jobs J] [--no-reference] [LESSON…]" >&2; exit 64; }
[ $# -ge 1 ] || usage
shards="$1"; shift
[[ "$shards" =~ ^[1-9][0-9]*$ ]] && [ "$shards" -le 256 ] || { echo "error: N must be a number from 1 to 256" >&2; exit 64; }
content="$root/content"; templates="$root/templates"; reference=1; jobs=""; names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --content) [ $# -ge 2 ] || usage; content="$2"; shift 2 ;;
    --templates) [ $# -ge 2 ] || usage; templates="$2"; shift 2 ;;
    --jobs) [ $# -ge 2 ] || usage; jobs="$2"; shift 2 ;;
    --no-reference) reference=0; shift ;;
    -*) usage ;;
    *) names+=("$1"); shift ;;
  esac
done
content="$(cd "$content" && pwd)"; templates="$(cd "$templates" && pwd)"
cpus="$(nproc 2>/dev/null || echo 1)"
[ -n "$jobs" ] || jobs=$(( cpus / shards > 0 ? cpus / shards : 1 ))

if [ -z "${LESSONS:-}" ]; then
  for product in lessons Multiprocessing LessonSupport; do
    (cd "$root" && swift build -c release --product "$product" >&2)
  done
  LESSONS="$(cd "$root" && swift build -c release --show-bin-path)/lessons"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/refresh-sharded.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -a "$content" "$work/original"
refresh=(--refresh)
[ ${#names[@]} -eq 0 ] || refresh+=("${names[@]}")

# The results files under a content copy that differ from the original's (or are new): what a run wrote.
written() {
  (cd "$1" && find . -name '*.results.json' -type f | sort) | while read -r file; do
    cmp -s "$1/$file" "$work/original/$file" 2>/dev/null || echo "${file#./}"
  done
}

now() { date +%s.%N; }
since() { awk -v from="$1" -v to="$(now)" 'BEGIN { print to - from }'; }
start="$(now)"
pids=()
for index in $(seq 1 "$shards"); do
  mkdir -p "$work/shard-$index"
  cp -a "$work/original" "$work/shard-$index/content"
  (
    begin="$(now)"
    status=0
    "$LESSONS" build --quiet --content "$work/shard-$index/content" --templates "$templates" \
      --out "$work/shard-$index/site" --jobs "$jobs" --shard "$index/$shards" "${refresh[@]}" \
      >"$work/shard-$index/log" 2>&1 || status=$?
    echo "$status $(since "$begin")" >"$work/shard-$index/outcome"
  ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
elapsed="$(since "$start")"

failed=0
declare -A owner=()
for index in $(seq 1 "$shards"); do
  read -r status seconds <"$work/shard-$index/outcome"
  files="$(written "$work/shard-$index/content")"
  printf 'shard %s/%s: %s lesson(s), %.1f s, exit %s\n' "$index" "$shards" "$(grep -c . <<<"$files" || true)" \
    "$seconds" "$status"
  if [ "$status" != 0 ]; then
    failed=1
    sed 's/^/  /' "$work/shard-$index/log" >&2
  fi
  while read -r file; do
    [ -n "$file" ] || continue
    if [ -n "${owner[$file]:-}" ]; then
      echo "error: $file was written by shards ${owner[$file]} and $index" >&2
      failed=1
    fi
    owner[$file]="$index"
  done <<<"$files"
done
printf 'all %s shard(s) in parallel: %.1f s\n' "$shards" "$elapsed"
[ "$failed" = 0 ] || { echo "error: the shards did not all succeed; nothing merged" >&2; exit 1; }

# Merge: copy each shard's results files into the content folder (atomically, file by file).
for file in "${!owner[@]}"; do
  cp "$work/shard-${owner[$file]}/content/$file" "$content/$file.merge-tmp"
  mv "$content/$file.merge-tmp" "$content/$file"
done
echo "merged ${#owner[@]} results file(s) into $content"
"$LESSONS" status --content "$content" | tail -n 1

[ "$reference" = 1 ] || exit 0
mkdir -p "$work/reference"
cp -a "$work/original" "$work/reference/content"
begin="$(now)"
"$LESSONS" build --quiet --content "$work/reference/content" --templates "$templates" --out "$work/reference/site" \
  --jobs "$cpus" "${refresh[@]}" >"$work/reference/log" 2>&1 || { sed 's/^/  /' "$work/reference/log" >&2; exit 1; }
printf 'one --refresh (--jobs %s): %.1f s\n' "$cpus" "$(since "$begin")"
expected="$(written "$work/reference/content")"
merged="$(printf '%s\n' "${!owner[@]}" | sed '/^$/d' | sort)"
if [ "$expected" != "$merged" ]; then
  echo "error: the shards wrote other lessons than one --refresh:" >&2
  diff <(echo "$expected") <(echo "$merged") | sed 's/^/  /' >&2
  exit 1
fi
# Same cell statuses and outputs: exactly, or once every number is masked (times, speedups).
python3 - "$content" "$work/reference/content" $merged <<'PY'
import json, re, sys
merged_root, reference_root, files = sys.argv[1], sys.argv[2], sys.argv[3:]
mask = lambda text: re.sub(r"[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?", "#", text)
exact = masked = 0
problems = []
for name in files:
    merged = json.load(open(f"{merged_root}/{name}"))["cells"]
    reference = json.load(open(f"{reference_root}/{name}"))["cells"]
    if len(merged) != len(reference):
        problems.append(f"{name}: {len(merged)} cells against {len(reference)}")
        continue
    for mine, theirs in zip(merged, reference):
        where = f"{name}: cell {mine['index'] + 1}"
        if mine["status"] != theirs["status"]:
            problems.append(f"{where}: status {mine['status']} against {theirs['status']}")
        elif mine["stdout"] == theirs["stdout"]:
            exact += 1
        elif mask(mine["stdout"]) == mask(theirs["stdout"]):
            masked += 1
        else:
            problems.append(f"{where}: the output differs beyond numbers")
print(f"compared with one --refresh: {len(files)} lesson(s), {exact} cell output(s) equal, "
      f"{masked} equal but for numbers, {len(problems)} different")
for problem in problems:
    print(f"error: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY
