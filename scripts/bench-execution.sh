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
echo "logical CPUs: $(nproc)"
swiftc --version 2>/dev/null | head -1

echo "== building the libraries lesson programs link against (debug)"
swift build --product Multiprocessing >/dev/null
swift build --product LessonSupport >/dev/null

echo "== swiftc --version (run once per builder process for the results key)"
start=$(date +%s.%N); swiftc --version >/dev/null; end=$(date +%s.%N)
echo "swiftc --version: $(echo "$end - $start" | bc) s"

echo "== compile + launch and all-frozen reuse, through Executor (swift test, LESSONS_BENCH=1)"
LESSONS_BENCH=1 swift test --filter ExecutionTests.ExecutionBenchmark 2>&1 | grep '^BENCH' | sed 's/^BENCH //'

BIN=$(swift build --show-bin-path)
if [ -x "$BIN/lessons" ] && [ -d content ]; then
  echo "== lessons build, all results frozen (second of two runs)"
  out=$(mktemp -d)
  "$BIN/lessons" build --out "$out" >/dev/null 2>&1 || true
  start=$(date +%s.%N)
  "$BIN/lessons" build --out "$out" >/dev/null 2>&1 || echo "(lessons build failed; figure below is not valid)"
  end=$(date +%s.%N)
  echo "lessons build (frozen): $(echo "$end - $start" | bc) s"
  rm -rf "$out"
else
  echo "(no lessons command or content/ yet: the all-frozen figure above is the in-process Executor time)"
fi
