#!/usr/bin/env bash
# Live-reload latency of `lessons serve`: the time from saving a lesson without cells to the page's reload having
# its new content, as a browser sees it (the save, the `rebuild` event on /__lessons/events, the page fetched
# again). Prints each run and the median and maximum. Target (issue 11): ≤ 0.3 s.
#   scripts/bench-live-reload.sh [runs] [--beside N]
#     runs        how many saves (default 10)
#     --beside N  the lesson sits in a site of N other lessons (scripts/generate-bench-corpus.py's), as in a real
#                 training site, where a save also rebuilds the search index and the lists (default 0)
# Env: LESSONS_BIN=path/to/lessons skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=10 beside=0
while [ $# -gt 0 ]; do
  case "$1" in
    --beside) beside="$2"; shift 2 ;;
    *) runs="$1"; shift ;;
  esac
done
if [ -z "${LESSONS_BIN:-}" ]; then
  swift build -c release --product lessons >/dev/null
  LESSONS_BIN="$PWD/.build/release/lessons"
fi
lessons="$(realpath "$LESSONS_BIN")"
project="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$project"' EXIT
cp -r templates "$project/templates"
if [ "$beside" -gt 0 ]; then
  python3 scripts/generate-bench-corpus.py "$project/corpus" --lessons "$beside" >/dev/null
  mv "$project/corpus/lessons/content" "$project/content"
fi
mkdir -p "$project/content/topics/t/tutorials/plain"
printf 'title: T\nsummary: A topic.\n' >"$project/content/topics/t/metadata.yaml"
printf -- '---\ntitle: Plain\n---\nVersion 0.\n' >"$project/content/topics/t/tutorials/plain/tutorial.md"
(cd "$project" && exec "$lessons" serve --port 0) >"$project/serve.log" 2>&1 &
server=$!
# The first build (of every lesson) comes before the server answers.
for _ in $(seq 600); do grep -q 'Serving' "$project/serve.log" 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$project/serve.log")"
[ -n "$port" ] || { cat "$project/serve.log"; echo "serve did not start" >&2; exit 1; }
python3 - "$port" "$project/content/topics/t/tutorials/plain/tutorial.md" "$runs" <<'PY'
import http.client, socket, statistics, sys, time
port, lesson, runs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
events = socket.create_connection(("127.0.0.1", port), timeout=10)
events.sendall(b"GET /__lessons/events HTTP/1.1\r\nHost: x\r\n\r\n")
stream = events.makefile("rb")
def next_event():
    name = None
    for line in stream:
        line = line.decode().strip()
        if line.startswith("event: "): name = line[7:]
        if line.startswith("data: ") and name: return name
while next_event() != "hello": pass
figures = []
for run in range(1, runs + 1):
    time.sleep(0.3)
    start = time.monotonic()
    with open(lesson, "w") as f: f.write(f"---\ntitle: Plain\n---\nVersion {run}.\n")
    assert next_event() == "rebuild"
    page = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    page.request("GET", "/topics/t/tutorials/plain/tutorial.html")
    body = page.getresponse().read().decode()
    elapsed = time.monotonic() - start
    assert f"Version {run}." in body, "the reloaded page is not the new one"
    figures.append(elapsed)
    print(f"run {run}: save → page reloaded {elapsed * 1000:.0f} ms")
print(f"median {statistics.median(figures) * 1000:.0f} ms, max {max(figures) * 1000:.0f} ms (target ≤ 300 ms)")
PY
