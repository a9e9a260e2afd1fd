#!/usr/bin/env bash
# Prints how `lessons check` scales on hostile lesson text: N attribute lines `{: .x}` after one paragraph
# (17 s for 40,000 lines when each line's attributes were copied into a new list: quadratic) and an 8-level YAML
# alias bomb in front matter (more than 60 s and 800 MB before it was refused). Figures only; nothing here
# asserts a threshold. Targets: time grows in proportion to N (80k / 10k ≈ 8 or less); the bomb is refused in
# well under a second. Give `release` as the first argument to measure a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${1:-debug}
swift build -c "$config" --product lessons >/dev/null
lessons="$(swift build -c "$config" --show-bin-path)/lessons"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # run NAME TEXT-FILE: times `lessons check` on a one-lesson project holding the file as tutorial.md
  local project="$work/$1"
  mkdir -p "$project/content/topics/t/tutorials/x"
  cp -r templates "$project/templates"
  cp "$2" "$project/content/topics/t/tutorials/x/tutorial.md"
  local start end
  start=$(date +%s.%N)
  (cd "$project" && "$lessons" check --quiet >/dev/null 2>&1 || true)
  end=$(date +%s.%N)
  printf '%-34s %6.2f s\n' "$1" "$(echo "$end - $start" | bc)"
}

echo "== attribute lines after one paragraph ($config build)"
for count in 10000 20000 40000 80000; do
  { printf -- '---\ntitle: A\n---\ntext\n'; printf '{: .x}\n%.0s' $(seq "$count"); } >"$work/attributes-$count.md"
  run "attribute lines: $count" "$work/attributes-$count.md"
done

echo "== YAML alias bomb in front matter (8 levels of 9 aliases: 43 million nodes once expanded)"
{
  printf -- '---\ntitle: Bomb\na0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
  for level in 1 2 3 4 5 6 7 8; do
    printf 'a%d: &a%d [' "$level" "$level"
    for i in 1 2 3 4 5 6 7 8 9; do printf '*a%d%s' $((level - 1)) "$([ "$i" -lt 9 ] && echo ,)"; done
    printf ']\n'
  done
  printf -- '---\nText.\n'
} >"$work/bomb.md"
run "alias bomb ($(wc -c <"$work/bomb.md") bytes)" "$work/bomb.md"
