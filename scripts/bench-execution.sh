#!/usr/bin/env bash
# Prints what executing lessons costs beyond the lessons' own run time:
#   1. compile + launch of a lesson program (-Onone and -O), measured through Executor on a fixture lesson shaped
#      like the multiprocessing lesson (Tests/ExecutionTests/Fixtures/bench.md);
#   2. the time to reuse frozen results for 20 lessons (nothing compiled), in-process;
#   3. when the `lessons` command exists, a whole `lessons build` on content/ whose results are all frozen.
# Figures only; nothing here asserts a threshold. Targets: compile + launch <= 3 s, all-frozen build < 0.5 s.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== machine"
grep -m1 'model name' /proc/cpuinfo | sed 's/.*: /CPU: /'
echo "logical CPUs: $(nproc); load average now: $(cut -d" " -f1-3 /proc/loadavg)"
swiftc --version 2>/dev/null | head -1

echo "== building the libraries lesson programs link against (debug)"
swift build --product Multiprocessing >/dev/null
swift build --product LessonSupport >/dev/null

echo "== swiftc --version (run once per builder process for the results key)"
start=$(date +%s.%N); swiftc --version >/dev/null; end=$(date +%s.%N)
echo "swiftc --version: $(echo "$end - $start" | bc) s"

echo "== compile + launch and all-frozen reuse, through Executor (swift test, LESSONS_BENCH=1)"
LESSONS_BENCH=1 swift test --filter ExecutionBenchmark 2>&1 | { grep '^BENCH' || echo '(the benchmark test printed nothing: run it by hand to see why)'; } | sed 's/^BENCH //'

BIN=$(swift build --show-bin-path)
swift build --product lessons >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
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
