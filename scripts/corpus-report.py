#!/usr/bin/env python3
"""Figures for a GTN corpus built by `scripts/check-samples.sh --corpus`.

Usage: corpus-report.py WORK   (WORK holds content/, site/ and problems, the build's stderr)

Prints: tutorials found, pages built, lessons dropped, problems by kind (the message with the names, paths and
numbers in it taken out), images not found, and syntax left on the pages (Liquid `{% %}`/`{{ }}`, kramdown `{:`,
box title tags, `$$`, code fences, blockquote markers `>` opening a paragraph) with the first places it occurs.
Exit status 1 when a lesson was dropped or syntax leaked.
"""
import collections
import html
import os
import re
import shutil
import subprocess
import sys

work = sys.argv[1]
content, site = os.path.join(work, "content"), os.path.join(work, "site")


def files_named(root, name):
    found = []
    for folder, _, files in os.walk(root):
        found += [os.path.join(folder, f) for f in files if f == name]
    return sorted(found)


tutorials = files_named(os.path.join(content, "topics"), "tutorial.md")
built = {os.path.relpath(os.path.dirname(p), site) for p in files_named(os.path.join(site, "topics"), "tutorial.html")}
dropped = [t for t in tutorials if os.path.relpath(os.path.dirname(t), content) not in built]
pages = []
for folder, _, files in os.walk(site):
    pages += [os.path.join(folder, f) for f in files if f.endswith(".html")]

# Problems by kind.
problems = [line.rstrip("\n") for line in open(os.path.join(work, "problems"), encoding="utf-8") if ": " in line]


def kind(line):
    message = re.sub(r"^.*?:(\d+:)? (warning|error): ", r"\2: ", line)
    message = re.sub(r"\(looked for [^)]*\)|\(nothing at [^)]*\)", "", message)
    message = re.sub(r"\{%-? *([a-z_]+)[^%]*%\}", r"{% \1 %}", message)
    message = re.sub(r"\{\{[^}]*\}\}", "{{ … }}", message)
    message = re.sub(r"'[^']*'", "X", message)
    message = re.sub(r"\b[\w.-]+/[\w./-]+", "PATH", message)
    message = re.sub(r"\d+", "N", message)
    return " ".join(message.split())


kinds = collections.Counter(kind(p) for p in problems)
images_missing = sum(1 for p in problems if re.search(r"warning: image '.*' not found", p))
unknown_icons = collections.Counter(m.group(1) for p in problems for m in [re.search(r"unknown icon '([^']*)'", p)] if m)

# Syntax left on the pages: visible text and attribute values, code and scripts left out.
LEAKS = {"{%": r"\{%", "%}": r"%\}", "{{": r"\{\{", "}}": r"\}\}", "{:": r"\{:", "-title>": r"-title>", "$$": r"\$\$", "```": r"```"}
leaks = collections.Counter()
examples = []
notes = blockquotes = 0
for page in sorted(pages):
    text = open(page, encoding="utf-8").read()
    notes += text.count('class="snippet-note"')
    blockquotes += text.count("<blockquote")
    body = re.sub(r"<(script|style|pre|code)\b.*?</\1>", " ", text, flags=re.S)
    body = re.sub(r"<!--.*?-->", " ", body, flags=re.S)
    attributes = " ".join(html.unescape(v) for v in re.findall(r'="([^"]*)"', body))
    visible = html.unescape(re.sub(r"<[^>]+>", " ", body))
    for name, pattern in LEAKS.items():
        for where, haystack in (("text", visible), ("attribute", attributes)):
            for match in re.finditer(pattern, haystack):
                leaks[name] += 1
                if len(examples) < 12:
                    around = " ".join(haystack[max(0, match.start() - 50):match.end() + 50].split())
                    examples.append(f"{os.path.relpath(page, site)} ({where}): …{around}…")
    for match in re.finditer(r"<(p|li|td|h[1-6])\b[^>]*>\s*&gt;", body):
        leaks["> (box marker)"] += 1
        if len(examples) < 12:
            examples.append(f"{os.path.relpath(page, site)}: a paragraph opens with '>'")

print(f"tutorials found: {len(tutorials)}")
print(f"pages built: {len(built)} tutorial pages, {len(pages)} HTML pages in all")
print(f"lessons dropped: {len(dropped)}" + "".join(f"\n  {os.path.relpath(d, content)}" for d in dropped))
print(f"problems: {len(problems)} ({sum(1 for p in problems if ': error: ' in p)} errors)")
print("problems by kind:")
for message, count in kinds.most_common():
    print(f"  {count:5d}  {message}")
print(f"images not found: {images_missing}")
print("unknown icons: " + (", ".join(f"{name} ×{count}" for name, count in unknown_icons.most_common()) or "none"))
print(f"tags left as a note (snippet-note): {notes}; plain blockquotes: {blockquotes}")
if shutil.which("tidy"):
    tidy = collections.Counter()
    for page in pages:
        found = subprocess.run(["tidy", "-errors", "-q", page], capture_output=True, text=True).stderr
        tidy["errors"] += found.count(" - Error:")
        tidy["warnings"] += found.count(" - Warning:")
        tidy["pages"] += bool(found.strip())
    print(f"tidy: {tidy['errors']} errors, {tidy['warnings']} warnings, on {tidy['pages']} pages")
print(f"leaked syntax: {sum(leaks.values())}" + (" (" + ", ".join(f"{k} ×{v}" for k, v in leaks.items()) + ")" if leaks else ""))
for example in examples:
    print(f"  {example}")
sys.exit(1 if dropped or leaks else 0)
