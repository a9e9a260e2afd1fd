#!/usr/bin/env bash
# Builds a small site of hostile and unlucky lessons — the kind a pull request from anyone can bring — with the
# built `lessons` command, and prints what got through: crashes, secrets published, outside files published,
# processes left running, pages that are not well-formed, raw HTML that would run script, files beside a lesson that
# would run script (evil.html, an SVG with onload=), files written outside the output folder.
#
#   scripts/hostile-lessons.sh [--keep]      # uses .build/release/lessons, else .build/debug/lessons
#
# Exit status 0 when every count is 0, 1 otherwise. Nothing here needs the network. Run it before trusting a
# change to the builder's sandboxing (docs/executed-lessons.md, "Threat model"); --keep leaves the folder.
set -euo pipefail
cd "$(dirname "$0")/.."
keep=0
[ "${1:-}" = "--keep" ] && keep=1

lessons=.build/release/lessons
[ -x "$lessons" ] || lessons=.build/debug/lessons
if [ ! -x "$lessons" ]; then
  echo "error: no built lessons command; run: swift build --product lessons" >&2
  exit 1
fi
lessons=$(realpath "$lessons")

work=$(mktemp -d "${TMPDIR:-/tmp}/hostile-lessons.XXXXXX")
cleanup() { if [ "$keep" = 0 ]; then rm -rf "$work"; else echo "kept $work" >&2; fi; }
trap cleanup EXIT
token="hostile-$$-$RANDOM$RANDOM"          # marks every process a lesson starts, to count survivors
secret="SECRET-$RANDOM$RANDOM$RANDOM"      # the builder's secret, which must reach no file
outside="OUTSIDE-$RANDOM$RANDOM"           # the content of a file outside content/
content="$work/content"
topic="$content/topics/hostile"
mkdir -p "$topic/tutorials"
printf 'title: Hostile\n' > "$topic/metadata.yaml"
printf 'title: hostile lessons\nenv: [SECRET_TOKEN]\n' > "$content/site.yaml"
printf '%s\n' "$outside" > "$work/private.txt"

lesson() {  # lesson NAME — tutorial.md from stdin
  mkdir -p "$topic/tutorials/$1"
  cat > "$topic/tutorials/$1/tutorial.md"
}
front() { printf -- '---\nlayout: tutorial_hands_on\ntitle: %s\n---\n\n' "$1"; }
count=0
tried() { count=$((count + 1)); }

# 1. The builder's environment: a secret in it must not reach the page, the notebook or the results file.
{ front "secret"; cat <<'EOF'
```swift
import Glibc
print(getenv("SECRET_TOKEN").map { String(cString: $0) } ?? "no token")
_ = system("env; cat /proc/$PPID/environ /proc/$LESSONS_BUILDER_PID/environ | tr '\\0' '\\n'")
if let file = fopen("/proc/\(getppid())/environ", "r") {
  var bytes: [UInt8] = []
  while case let c = fgetc(file), c != EOF { bytes.append(UInt8(c)) }
  fclose(file)
  print(String(decoding: bytes.map { $0 == 0 ? 10 : $0 }, as: UTF8.self))
}
```
EOF
} | lesson secret; tried

# 1b. A pull request names the CI job's token in env: (its lesson's front matter and site.yaml are content, not
# the build command, which does not permit it with --pass-env).
{ printf -- '---\ntitle: asks for the token\nenv: [SECRET_TOKEN]\n---\n\n'; cat <<'EOF'
```swift
import Glibc
print(getenv("SECRET_TOKEN").map { String(cString: $0) } ?? "no token")
```
EOF
} | lesson secret-env; tried

# 2. Control channel: spoofed deadlines, forged lines, a flood, a closed descriptor.
{ front "channel"; cat <<'EOF'
```swift
//| timeout: 2
import Glibc
for _ in 0..<8 { _ = "cell-begin 0\ncell-end 0 0.001\n".withCString { write(3, $0, strlen($0)) }; sleep(1) }
```

```swift
import Glibc
let newlines = [UInt8](repeating: 10, count: 1 << 20)
_ = newlines.withUnsafeBytes { write(3, $0.baseAddress, $0.count) }
close(3)
print("after closing 3")
```

```swift
print("the next cell ran")
```
EOF
} | lesson channel; tried; tried; tried

# 3. Processes that try to outlive the build: setsid, setpgid, a double fork.
{ front "escape"; cat <<EOF
\`\`\`swift
import Glibc
_ = system("""
  setsid bash -c 'exec -a $token-1 sleep 600' </dev/null >/dev/null 2>&1 &
  (bash -c 'exec -a $token-2 sleep 600' </dev/null >/dev/null 2>&1 &)
  set -m; bash -c 'exec -a $token-3 sleep 600' </dev/null >/dev/null 2>&1 &
  """)
print("started three")
\`\`\`
EOF
} | lesson escape; tried

# 4. Extreme numbers in charts and a zero time.
{ front "numbers"; cat <<'EOF'
```swift
import Glibc
import LessonSupport
var line = Chart.line(title: "extremes", x: "x", y: "y")
line.add("huge", x: [-1.7e308, 0, 1.7e308], y: [Double.nan, .infinity, -.infinity])
line.add("tiny", x: [5e-324, 1e-310], y: [4.9e-324, 0])
line.add("empty", x: [Double](), y: [Double]())
line.show()
var bars = Chart.bar(title: "bars", x: "x", y: "y")
bars.add("far", x: [1e300], y: [1.0])
bars.show()
let serial = 2.0, parallel = 0.0
var speedup = Chart.line(title: "speedup", x: "workers", y: "speedup")
speedup.add("measured", x: [1, 2], y: [1.0, serial / parallel])
speedup.show()
var many = Chart.line(title: "10,000 points", x: "i", y: "sin")
many.add("sin", x: Array(0..<10_000).map(Double.init), y: (0..<10_000).map { sin(Double($0) / 100) })
many.show()
for i in 0..<5_000 { var c = Chart.bar(title: "chart \(i)"); c.add("v", categories: ["a"], values: [i]); c.show() }
```
EOF
} | lesson numbers; tried; tried

# 5. Control characters in output and text.
{ front "control"; printf 'Text with a \001 SOH and an \033[31m escape.\n\n'; cat <<'EOF'
```swift
print("NUL \u{0} ESC \u{1B}[2J SOH \u{1} DEL \u{7F} end")
```
EOF
} | lesson control; tried

# 6. A link beside a lesson to a file outside content/, and a dangling tutorial.md link.
{ front "outside link"; echo "See the notes."; } | lesson outside-link
ln -s "$work/private.txt" "$topic/tutorials/outside-link/notes.txt"
ln -s "$work" "$topic/tutorials/outside-link/everything"
mkdir -p "$topic/tutorials/dangling"
ln -s "$work/no-such-file.md" "$topic/tutorials/dangling/tutorial.md"
tried; tried

# 7. A YAML alias bomb in front matter (8 levels of 9 aliases).
{
  printf -- '---\ntitle: bomb\na0: &a0 ["x","x","x","x","x","x","x","x","x"]\n'
  for i in 1 2 3 4 5 6 7 8; do
    p=$((i - 1))
    printf 'a%d: &a%d [*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d]\n' "$i" "$i" $p $p $p $p $p $p $p $p $p
  done
  printf -- '---\n\nText.\n'
} | lesson bomb; tried

# 8. 40,000 attribute lines after a paragraph; a folder whose name decodes to "..".
{ front "attributes"; echo "A paragraph."; for _ in $(seq 40000); do echo '{: .x}'; done; } | lesson attributes; tried
{ front "dots"; echo "A lesson in a folder named %2e%2e."; } | lesson '%2e%2e'; tried

# 9. Liquid and includes that ask for unbounded work: 10^9 loop steps, a doubling value, a snippet fan-out.
{ front "liquid"; cat <<'EOF'
{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..1000) %}x{% endfor %}{% endfor %}{% endfor %}
{% assign v = "xx" %}{% for i in (1..60) %}{% assign v = v | append: v %}{% endfor %}{{ v | size }}
{% snippet snippets/s0.md %}
EOF
} | lesson liquid
mkdir -p "$content/snippets"
for level in 0 1 2; do
  for _ in $(seq 300); do printf '{%% snippet snippets/s%d.md %%}\n' $((level + 1)); done > "$content/snippets/s$level.md"
done
printf 'end\n' > "$content/snippets/s3.md"
tried; tried; tried

# 10. CONTRIBUTORS.yaml linked to a YAML file outside content/; links and images probing outside files.
printf 'mallory:\n  name: %s\n' "$outside" > "$work/people.yaml"
ln -s "$work/people.yaml" "$content/CONTRIBUTORS.yaml"
{ printf -- '---\ntitle: probe\ncontributors: [mallory]\n---\n\n'
  echo "[a](../../../../../private.txt) [b](../../../../../no-such.txt) ![c](../../../../../private.txt)"; } | lesson probe
tried; tried

# 11. Names that carry terminal escapes and a forged line into the build log; a named pipe beside a lesson.
{ front "escapes"; echo "A [link](missing.html)."; } | lesson "$(printf 'esc\033]0;PWNED\007\033[2J')"
ln -s "$work/private.txt" "$topic/tutorials/probe/$(printf 'n\n::error::forged')"
mkfifo "$topic/tutorials/probe/pipe.csv"
tried; tried; tried

# 12. The content folder's own git repository naming a program in core.fsmonitor (an untrusted job's artifact):
# the build reads the lessons' dates with git and must not run it (it would leave a file outside the output folder).
if command -v git >/dev/null 2>&1; then
  git -C "$content" init -q && git -C "$content" add -A >/dev/null 2>&1 \
    && git -C "$content" -c user.name=h -c user.email=h@h commit -qm hostile >/dev/null 2>&1 || true
  printf '#!/bin/sh\ntouch "%s/fsmonitor-ran"\n' "$work" > "$content/.git/monitor"
  chmod +x "$content/.git/monitor"
  git -C "$content" config core.fsmonitor "$content/.git/monitor"
  echo "changed" >> "$topic/tutorials/probe/tutorial.md"
  tried
fi

# 13. Raw HTML that would run script in the published page (stored XSS from a pull request's lesson).
mark="RAWHTML$RANDOM$RANDOM"
{ front "raw html"; cat <<EOF
<script>alert("$mark")</script>

<img src="x.png" onerror="alert('$mark')">

A <a href="javascript:alert('$mark')">link</a>, <a href="&#106;avascript:alert('$mark')">another</a>, <a href="JaVa&#x09;ScRiPt:alert('$mark')">a third</a>.

<base href="https://$mark.example/">

<meta http-equiv="refresh" content="0;url=https://$mark.example/">

<iframe srcdoc="<script>alert('$mark')</script>"></iframe>

<div><svg onload="alert('$mark')"></svg><form action="https://$mark.example/"><button formaction="https://$mark.example/">Go</button></form></div>
EOF
} | lesson raw-html
for _ in 1 2 3 4 5 6 7 8; do tried; done

# 14. Files beside a lesson and in a topic's images/ that run script when opened from the published site (stored
# XSS on the site's origin): a page, an SVG figure with a handler or a script, XHTML, XML with a stylesheet, XSLT, a
# script. Each holds the mark; clean.svg is a figure that must still be published.
filemark="ACTIVEFILE$RANDOM$RANDOM"
{ front "files beside"; printf '![figure](images/clean.svg)\n'; } | lesson files-beside
beside="$topic/tutorials/files-beside"
mkdir -p "$beside/images" "$topic/images"
printf '<html><body><script>alert("%s")</script></body></html>\n' "$filemark" > "$beside/evil.html"
printf '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(%s)"><rect/></svg>\n' "'$filemark'" > "$beside/images/evil.svg"
printf '<svg xmlns="http://www.w3.org/2000/svg"><script>alert("%s")</script></svg>\n' "$filemark" > "$topic/images/evil.svg"
printf '<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert("%s")</script></body></html>\n' "$filemark" > "$beside/evil.xhtml"
printf '<?xml-stylesheet type="text/xsl" href="evil.xsl"?>\n<doc>%s</doc>\n' "$filemark" > "$beside/evil.xml"
printf '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><script>alert("%s")</script></xsl:template></xsl:stylesheet>\n' "$filemark" > "$beside/evil.xsl"
printf 'alert("%s")\n' "$filemark" > "$beside/evil.js"
printf '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n' > "$beside/images/clean.svg"
for _ in 1 2 3 4 5 6 7; do tried; done

# Build, with a secret in the builder's environment and a time bound. As root a lesson can read anything (the
# builder's /proc files included), so the build runs as nobody then, as on a CI runner without sudo.
out="$work/site"
as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
  mkdir -p "$work/home"
  chown -R 65534:65534 "$work"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$work/home")
fi
started=$(date +%s.%N)
set +e
SECRET_TOKEN="$secret" timeout 600 "${as_user[@]}" "$lessons" build --content "$content" --out "$out" --refresh --quiet \
  >"$work/build.log" 2>&1
status=$?
set -e
elapsed=$(echo "$(date +%s.%N) - $started" | bc)

crashes=0; [ "$status" -ge 124 ] && crashes=1
secrets=$(grep -rlF "$secret" "$out" "$content" 2>/dev/null | wc -l || true)
outsides=$(grep -rlF "$outside" "$out" 2>/dev/null | wc -l || true)
sleep 0.2
left=$(pgrep -f "$token" | wc -l || true)
pkill -KILL -f "$token" 2>/dev/null || true
stray=$(find "$work" -mindepth 1 -maxdepth 1 ! -name content ! -name site ! -name private.txt ! -name build.log \
  ! -name home ! -name people.yaml | wc -l)
escapes=$(grep -c $'\033' "$work/build.log" || true)
forged=$(grep -c '^::' "$work/build.log" || true)
illformed=$(python3 - "$out" <<'EOF'
import sys, pathlib, xml.etree.ElementTree as ET
bad = 0
for page in pathlib.Path(sys.argv[1]).rglob("*.html"):
    text = page.read_text(encoding="utf-8", errors="replace").replace("<!DOCTYPE html>", "", 1)
    try:
        ET.fromstring(text)
    except ET.ParseError as error:
        bad += 1
        print(f"  not well-formed: {page}: {error}", file=sys.stderr)
print(bad)
EOF
)
pages=$(find "$out" -name '*.html' 2>/dev/null | wc -l || true)
# Read as a browser does (entities decoded): script, handlers, script addresses, base, refresh, srcdoc, svg and form
# addresses that carry the mark, in any page.
scripted=$(python3 - "$out" "$mark" <<'EOF'
import sys, pathlib
from html.parser import HTMLParser
mark = sys.argv[2]
class Page(HTMLParser):
    found = 0
    in_script = False
    def handle_starttag(self, tag, attrs):
        values = [(name, (value or "")) for name, value in attrs]
        if tag == "script":
            self.in_script = True
            self.found += any(mark in value for _, value in values)
        if tag in ("base", "meta", "svg", "form") and any(mark in value for _, value in values):
            self.found += 1
        for name, value in values:
            compact = "".join(value.split()).lower()
            if mark in value and (name.startswith("on") or name in ("srcdoc", "formaction", "action")
                                  or (name in ("href", "src") and compact.startswith(("javascript:", "data:")))):
                self.found += 1
    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
    def handle_data(self, data):
        if self.in_script and mark in data:
            self.found += 1
total = 0
for page in pathlib.Path(sys.argv[1]).rglob("*.html"):
    parser = Page()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    total += parser.found
print(total)
EOF
)
# Files of a kind a browser runs script from (pages, SVG, XML, XSLT, scripts) that carry the files' mark.
activefiles=$(grep -rlF "$filemark" "$out" --include='*.html' --include='*.xhtml' --include='*.svg' --include='*.xml' \
  --include='*.xsl' --include='*.js' 2>/dev/null | wc -l || true)
cleanmissing=0; [ -f "$out/topics/hostile/tutorials/files-beside/images/clean.svg" ] || cleanmissing=1

echo "lessons build as $([ ${#as_user[@]} -gt 0 ] && echo nobody || id -un): exit status $status in ${elapsed} s; $pages pages; $(grep -c ': warning:' "$work/build.log" || true) warnings, $(grep -c ': error:' "$work/build.log" || true) errors"
echo "hostile inputs tried: $count"
echo "crashes: $crashes"
echo "secrets published: $secrets"
echo "outside files published: $outsides"
echo "processes left running: $left"
echo "files written outside the output folder: $stray"
echo "pages not well-formed: $illformed"
echo "raw HTML that would run script published: $scripted"
echo "escape sequences and forged lines printed: $((escapes + forged))"
echo "files that would run script published: $activefiles"
echo "clean SVG figures left out: $cleanmissing"
[ $((crashes + secrets + outsides + left + stray + illformed + scripted + escapes + forged + activefiles + cleanmissing)) -eq 0 ]
