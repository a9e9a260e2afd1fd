#!/usr/bin/env bash
# Live-reload latency of `lessons serve`: the time from saving a lesson without cells to the page's reload having
# its new content, as a browser sees it (the save, the `rebuild` event on /__lessons/events, the page fetched
# again). Prints each run and the median and maximum. Target (issue 11): ≤ 0.3 s.
#   scripts/bench-live-reload.sh [runs]     (default 10; builds .build/release/lessons first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
swift build -c release --product lessons >/dev/null
lessons="$PWD/.build/release/lessons"
project="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$project"' EXIT
cp -r templates "$project/templates"
mkdir -p "$project/content/topics/t/tutorials/plain"
printf 'title: T\nsummary: A topic.\n' >"$project/content/topics/t/metadata.yaml"
printf -- '---\ntitle: Plain\n---\nVersion 0.\n' >"$project/content/topics/t/tutorials/plain/tutorial.md"
(cd "$project" && exec "$lessons" serve --port 0) >"$project/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q 'Serving' "$project/serve.log" 2>/dev/null && break; sleep 0.1; done
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
