#!/usr/bin/env bash
# Renders real GTN tutorials (by default ../shared/gtn-samples/*.md, named <topic>--<tutorial>.md; CC-BY 4.0, used
# in place and never copied into the project) with `lessons build` into a temporary folder and checks each page:
#   - no kramdown or Liquid syntax left in the visible text: `{:`, `{%`, `%}`, `-title>`;
#   - boxes came out as boxes (at least one element with class "box ..." when the source has an IAL box);
#   - `tidy -errors -q` reports no errors.
#   - every `{% snippet %}`/`{% include %}` line of the source was expanded (no "snippet-note" left on the page);
#   - `{% cite %}` became author-year links with a References list; an agenda (`{:toc}`) lists the `#`/`##` headings;
# `enable: false` is dropped from the copies so that every sample is rendered. GTN's shared files the samples
# include (faqs/, snippets/ from Tests/LessonsTests/Fixtures/gtn, CC-BY 4.0) are placed at the content root.
# Usage: scripts/check-samples.sh [SAMPLES_FOLDER]    Env: LESSONS_BIN to use a built binary.
#
# scripts/check-samples.sh --corpus [CORPUS_FOLDER] builds a whole GTN corpus instead: a copy of part of
# galaxyproject/training-material laid out as GTN's repository is (topics/<t>/tutorials/<name>/tutorial.md, faqs/,
# snippets/, metadata.yaml, CONTRIBUTORS.yaml; CC-BY 4.0, kept outside the project, by default
# .worktrees/gtn-material/corpus of the main checkout) and prints scripts/corpus-report.py's figures: tutorials found,
# pages built, lessons dropped, problems by kind, images not found, leaked syntax. Fails when a lesson is dropped or
# syntax leaks; warnings (missing images, links out of the partial corpus) are reported, not failures.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--corpus" ]; then
  corpus="${2:-${GTN_CORPUS:-}}"
  if [ -z "$corpus" ]; then
    main=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null | sed 's|/\.git$||')
    corpus="$main/.worktrees/gtn-material/corpus"
  fi
  [ -d "$corpus/topics" ] || { echo "error: no GTN corpus at $corpus (give its folder)" >&2; exit 64; }
  if [ -z "${LESSONS_BIN:-}" ]; then
    swift build --product lessons >&2
    LESSONS_BIN="$(swift build --show-bin-path)/lessons"
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cp -a "$corpus" "$work/content"
  find "$work/content/topics" -name tutorial.md -exec sed -i '/^enable: *false/d' {} +
  status=0
  "$LESSONS_BIN" build --quiet --content "$work/content" --templates templates --out "$work/site" \
    2>"$work/problems" || status=$?
  [ "$status" -le 1 ] || { cat "$work/problems" >&2; echo "error: lessons build crashed (status $status)" >&2; exit 1; }
  sed -i "s|$work/||g" "$work/problems"
  [ -z "${CORPUS_PROBLEMS:-}" ] || cp "$work/problems" "$CORPUS_PROBLEMS"
  python3 scripts/corpus-report.py "$work"
  exit $?
fi
samples="${1:-../shared/gtn-samples}"
[ -d "$samples" ] || samples=/work/shared/gtn-samples
scripts/ensure-dependencies.sh tidy
if [ -z "${LESSONS_BIN:-}" ]; then
  swift build --product lessons >&2
  LESSONS_BIN="$(swift build --show-bin-path)/lessons"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for file in "$samples"/*--*.md; do
  base=$(basename "$file" .md)
  topic=${base%%--*} tutorial=${base#*--}
  mkdir -p "$work/content/topics/$topic/tutorials/$tutorial"
  grep -v '^enable: *false' "$file" >"$work/content/topics/$topic/tutorials/$tutorial/tutorial.md"
done
for shared in faqs snippets topics; do
  cp -R "Tests/LessonsTests/Fixtures/gtn/$shared" "$work/content/"
done
# A lesson beside the real quality-control tutorial.bib, FAQ and question include, using each of them.
cat >"$work/content/topics/sequence-analysis/tutorials/quality-control/tutorial.md" <<'LESSON'
---
title: Quality control (check-samples)
---

> <agenda-title></agenda-title>
>
> 1. TOC
> {:toc}
>
{: .agenda}

# Upload

> <hands-on-title>Data upload</hands-on-title>
>
> 1. Import the reads
>
>    {% snippet faqs/galaxy/datasets_import_via_link.md format="fastqsanger" link="https://zenodo.org/record/1" %}
>
> 2. Set the type
>
>    {% snippet faqs/galaxy/datasets_change_datatype.md datatype="fastqsanger" %}
{: .hands_on}

## Reads

{% include topics/sequence-analysis/tutorials/quality-control/fastq_question.md %}

# Report

MultiQC ({% cite ewels2016multiqc %}) aggregates FastQC reports; see also {% cite Leger2019 %}.

{% snippet topics/sequence-analysis/tutorials/quality-control/faqs/multiqc_error.md %}

{% bibliography %}
LESSON
status=0
"$LESSONS_BIN" build --quiet --content "$work/content" --templates templates --out "$work/site" 2>"$work/problems" || status=$?
cat "$work/problems" >&2
[ "$status" -le 1 ] || { echo "error: lessons build crashed (status $status)" >&2; exit 1; }

failures=0
for page in "$work"/site/topics/*/tutorials/*/tutorial.html; do
  name=${page#"$work/site/"}
  source="$work/content/${name%/tutorial.html}/tutorial.md"
  problems=$(python3 - "$page" "$source" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
source = open(sys.argv[2], encoding="utf-8").read()
# The lesson's own body: between the template's body wrapper and the end matter the template adds.
lesson_body = page.split('class="tutorial-body"', 1)[-1].split('<section class="box box-key-points"', 1)[0]
body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
body = re.sub(r"<pre\b.*?</pre>", " ", body, flags=re.S)   # code may legitimately show any syntax
body = re.sub(r"<code\b.*?</code>", " ", body, flags=re.S)
text = html.unescape(re.sub(r"<[^>]+>", " ", body))
for fragment in ["{:", "{%", "%}", "-title>"]:
    if fragment in text:
        at = text.index(fragment)
        print(f"visible {fragment!r}: ...{' '.join(text[max(0, at - 40):at + 40].split())}...")
if re.search(r"^\s*(>\s*)*\{:\s*\.(question|hands_on|tip|comment|solution|details|warning|agenda)", source, re.M) \
        and not re.search(r'class="[^"]*\bbox\b', lesson_body):
    print("the source has boxes but the page has no element of class box")
if re.search(r"^[>\s]*\{%-?\s*(snippet|include)\s", source, re.M) and "snippet-note" in page:
    print("a snippet or include was not expanded (snippet-note on the page)")
if "{% cite" in source and not ('class="references"' in page and re.search(r'<cite class="citation"><a href="#ref-', page)):
    print("citations did not become links to a References list")
if re.search(r"\{:\s*toc\s*\}", source) and re.search(r"^#{1,2} ", source, re.M) \
        and not re.search(r'<ol class="toc">\s*<li>', lesson_body):
    print("the agenda lists no headings")
PY
)
  tidy_errors=$(tidy -errors -q "$page" 2>&1 || true)
  if [ -n "$problems" ] || [ -n "$tidy_errors" ]; then
    failures=$((failures + 1))
    echo "FAIL $name"
    [ -n "$problems" ] && echo "$problems" | sed 's/^/  /'
    [ -n "$tidy_errors" ] && echo "$tidy_errors" | sed 's/^/  tidy: /'
  else
    echo "ok   $name"
  fi
done
pages=$(find "$work/site/topics" -name tutorial.html | wc -l)
sources=$(find "$work/content/topics" -name tutorial.md | wc -l)
if [ "$pages" -ne "$sources" ]; then
  echo "FAIL only $pages of $sources samples were rendered"
  failures=$((failures + 1))
fi
# Problems by kind: the message with quoted names and numbers taken out.
echo "problems by kind:"
sed -E 's/^[^ ]+: (warning|error): /\1: /; s/'"'"'[^'"'"']*'"'"'/X/g; s/\{% [a-z]+ [^%]*%\}/{% tag %}/g; s/[0-9]+/N/g; s/\(.*\)//' "$work/problems" \
  | sort | uniq -c | sort -rn | sed 's/^/  /'
[ "$failures" -eq 0 ] && echo "all $pages samples render cleanly" || { echo "$failures sample(s) failed"; exit 1; }
