#!/usr/bin/env bash
# Prints what executing lessons costs beyond the lessons' own run time:
#   1. compile + launch of a lesson program (-Onone and -O), measured through Executor on a fixture lesson shaped
#      like the multiprocessing lesson (Tests/ExecutionTests/Fixtures/bench.md);
#   2. the time to reuse frozen results for 20 lessons (nothing compiled), in-process;
#   3. when the `lessons` command exists, a whole `lessons build` on content/ whose results are all frozen;
#   4. cold execute + render of BENCH_LESSONS (40) generated six-cell lessons, side by side in the same run: our
#      `lessons build --refresh` (Swift cells, at -Onone as lessons compile by default and at -O as before) and
#      Jupyter Book 1 (Sphinx, myst-nb, jupyter-cache) on the same work in Python cells, at the same parallelism and
#      at both tools' defaults; plus the stamps our run recorded (a few-ms program must not be stamped 0.1 s).
#      Jupyter Book is looked for in $JUPYTER_BOOK_BIN (a venv's bin folder) or on PATH; to get it:
#        python3 -m venv /tmp/jb && /tmp/jb/bin/pip install "jupyter-book<2" ipykernel
#        /tmp/jb/bin/python -m ipykernel install --prefix /tmp/jb --name python3
#      Without it, our side is measured alone.
# Figures only; nothing here asserts a threshold. Targets: compile + launch <= 3 s, all-frozen build < 0.5 s;
# cold 40 lessons >= 2.5x faster than Jupyter Book at the same parallelism, >= 3.5x at both tools' defaults.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== machine"
grep -m1 'model name' /proc/cpuinfo | sed 's/.*: /CPU: /'
echo "logical CPUs: $(nproc); load average now: $(cut -d" " -f1-3 /proc/loadavg)"
swiftc --version 2>/dev/null | head -1

echo "== building the libraries lesson programs link against (debug)"
swift build --product Multiprocessing >/dev/null
swift build --product LessonSupport >/dev/null

if [ "${BENCH_GENERATED_ONLY:-0}" != 1 ]; then  # BENCH_GENERATED_ONLY=1: section 4 alone
echo "== swiftc --version (run once per builder process for the results key)"
start=$(date +%s.%N); swiftc --version >/dev/null; end=$(date +%s.%N)
echo "swiftc --version: $(echo "$end - $start" | bc) s"

echo "== compile + launch and all-frozen reuse, through Executor (swift test, LESSONS_BENCH=1)"
LESSONS_BENCH=1 swift test --filter ExecutionBenchmark 2>&1 | { grep '^BENCH' || echo '(the benchmark test printed nothing: run it by hand to see why)'; } | sed 's/^BENCH //'

fi
BIN=$(swift build --show-bin-path)
swift build --product lessons >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
if [ "${BENCH_GENERATED_ONLY:-0}" != 1 ]; then
bench_build() {  # $1: content folder, $2: what it is
  echo "== lessons build on $2"
  echo "lessons build --refresh (executes every lesson, --jobs default): $(seconds "$BIN/lessons" build --content "$1" --out "$work/site-a" --refresh) s"
  echo "lessons build, all results frozen (nothing compiled):            $(seconds "$BIN/lessons" build --content "$1" --out "$work/site-b") s"
}
# Ten copies of the benchmark fixture lesson (three cells importing Multiprocessing and LessonSupport).
for i in $(seq 1 10); do
  mkdir -p "$work/fixtures/topics/bench/tutorials/lesson-$i"
  cp Tests/ExecutionTests/Fixtures/bench.md "$work/fixtures/topics/bench/tutorials/lesson-$i/tutorial.md"
done
bench_build "$work/fixtures" "10 copies of Tests/ExecutionTests/Fixtures/bench.md"
if [ -d content/topics ]; then
  cp -r content "$work/content"   # a copy: --refresh must not rewrite the committed results
  bench_build "$work/content" "a copy of content/"
fi
fi

# ---- 4. generated lessons: lessons build --refresh against Jupyter Book 1, in the same run -------------------------
count=${BENCH_LESSONS:-40}
jobs=$(nproc)
generate() { python3 scripts/generate-bench-lessons.py "$@"; }
# Wall, user and system seconds (children included) of a command, as "wall cpu".
timed() {
  local TIMEFORMAT='%R %U %S' times
  times=$( { time "$@" >"$work/last.log" 2>&1; } 2>&1 ) || { echo "failed: $*" >&2; tail -5 "$work/last.log" >&2; }
  echo "$times" | tail -1 | awk '{ printf "%.2f %.2f", $1, $2 + $3 }'
}
declare -A wall cpu
row() {  # $1: name, rest: command; cold runs (each gets fresh lessons and an empty output folder)
  local name=$1 result
  shift
  result=$(timed "$@")
  wall[$name]=${result% *}
  cpu[$name]=${result#* }
  printf '%-52s %7s s wall %7s s CPU\n' "$name" "${wall[$name]}" "${cpu[$name]}"
}
ours() {  # $1: jobs, $2: "-O" to compile every lesson with optimize: true (as every lesson compiled before)
  rm -rf "$work/gen-swift" "$work/site-gen"
  generate swift "$count" "$work/gen-swift" ${2:-}
  "$BIN/lessons" build --content "$work/gen-swift" --out "$work/site-gen" --refresh --jobs "$1" --quiet
}
jb_bin=${JUPYTER_BOOK_BIN:-$(dirname "$(command -v jupyter-book 2>/dev/null || echo /nonexistent/x)")}
jupyter_book() {  # $1: "default" (jupyter-book build: serial) or a job count (sphinx-build -j, same configuration)
  rm -rf "$work/gen-python"
  generate python "$count" "$work/gen-python"
  if [ "$1" = default ]; then
    "$jb_bin/jupyter-book" build "$work/gen-python"
  else
    "$jb_bin/jupyter-book" config sphinx "$work/gen-python" &&
      "$jb_bin/sphinx-build" -q -j "$1" -b html "$work/gen-python" "$work/gen-python/_build/html"
  fi
}
stamps() {  # the recorded run time of each generated lesson, against the sum of its cells' times
  python3 - "$work/gen-swift" <<'PY'
import glob, json, statistics, sys
totals, overheads = [], []
for path in glob.glob(sys.argv[1] + "/topics/*/tutorials/*/tutorial.results.json"):
    results = json.load(open(path))
    total = results["stamp"]["totalSeconds"]
    totals.append(total)
    overheads.append(total - sum(cell["seconds"] for cell in results["cells"]))
if totals:
    print(f"stamps of {len(totals)} lessons: total run time min {min(totals):.3f} s, median {statistics.median(totals):.3f} s,"
          f" max {max(totals):.3f} s; {sum(t >= 0.1 for t in totals)} of them >= 0.1 s;"
          f" run time outside cells median {statistics.median(overheads) * 1000:.1f} ms")
PY
}

echo "== $count generated six-cell lessons, cold execute + render ($jobs CPUs; load now $(cut -d" " -f1 /proc/loadavg))"
row "lessons build --refresh --jobs 1" ours 1
row "lessons build --refresh (default: --jobs $jobs)" ours "$jobs"
stamps
row "lessons build --refresh --jobs $jobs, every lesson -O" ours "$jobs" -O
if [ -x "$jb_bin/jupyter-book" ] && [ -x "$jb_bin/sphinx-build" ]; then
  "$jb_bin/jupyter-book" --version 2>/dev/null | grep -i -E "^jupyter book|myst-nb|jupyter-cache" | tr '\n' ';' | sed 's/;$/\n/'
  row "Jupyter Book 1 (default: jupyter-book build, serial)" jupyter_book default
  row "Jupyter Book 1 (sphinx-build -j $jobs)" jupyter_book "$jobs"
  ratio() { echo "scale=2; $1 / $2" | bc; }
  echo "== speed-up (Jupyter Book wall time / ours)"
  echo "same parallelism, 1 job:        $(ratio "${wall[Jupyter Book 1 (default: jupyter-book build, serial)]}" "${wall[lessons build --refresh --jobs 1]}")x (target 2.5x)"
  echo "same parallelism, $jobs jobs:       $(ratio "${wall[Jupyter Book 1 (sphinx-build -j $jobs)]}" "${wall[lessons build --refresh (default: --jobs $jobs)]}")x (target 2.5x)"
  echo "both defaults ($jobs jobs vs serial): $(ratio "${wall[Jupyter Book 1 (default: jupyter-book build, serial)]}" "${wall[lessons build --refresh (default: --jobs $jobs)]}")x (target 3.5x)"
else
  echo "Jupyter Book 1 not found (set JUPYTER_BOOK_BIN to a venv's bin folder): our side measured alone"
fi
