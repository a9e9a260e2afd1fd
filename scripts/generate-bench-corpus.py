#!/usr/bin/env python3
"""Generates the benchmark corpus: N distinct synthetic lessons of about 8 KB in the GTN dialect (boxes, code,
lists, headings) for `lessons build`, and the same lessons as plain Markdown for Jekyll and Hugo.

Every page's text is different (seeded by its number): Jekyll caches identical pages, so copies of one page would
measure nothing.

Usage: generate-bench-corpus.py OUTPUT_FOLDER [--lessons 1000] [--topics 10]
Writes OUTPUT_FOLDER/lessons/{content,templates}, OUTPUT_FOLDER/jekyll, OUTPUT_FOLDER/hugo.
"""
import argparse
import os
import random
import shutil

WORDS = (
    "pool worker process thread task queue result chunk map apply async future lock value array shared memory "
    "signal pipe fork spawn join close terminate timeout callback error iterator batch sample genome read align "
    "variant galaxy history dataset tool workflow parameter input output format sequence quality filter trim "
    "count table plot chart figure axis mean median speed core cache page lesson learner exercise answer question "
    "solution hint detail warning comment objective summary python swift compile run print loop function closure"
).split()

LEVELS = ["Introductory", "Intermediate", "Advanced"]


def sentence(rng, low=8, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = "`" + words[i] + "`"
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = "**" + words[i] + "**"
    return " ".join(words) + "."


def paragraph(rng, sentences=None):
    return " ".join(sentence(rng) for _ in range(sentences or rng.randint(3, 5)))


def code(rng, number, language, gtn):
    name = rng.choice(WORDS)
    if language == "python":
        lines = [f"def {name}_{number}(items):", f"    total = {rng.randint(0, 99)}"]
        lines += [f"    total += len(items) * {rng.randint(2, 9)}  # {rng.choice(WORDS)}" for _ in range(rng.randint(2, 5))]
        lines += ["    return total", "", f"print({name}_{number}(list(range({rng.randint(5, 500)}))))"]
    else:
        lines = [f"func {name}{number}(_ items: [Int]) -> Int {{", f"    var total = {rng.randint(0, 99)}"]
        lines += [f"    total += items.count * {rng.randint(2, 9)} // {rng.choice(WORDS)}" for _ in range(rng.randint(2, 5))]
        lines += ["    return total", "}", f"print({name}{number}(Array(0..<{rng.randint(5, 500)})))"]
    # Swift fences are cells the builder would compile and run; the benchmark measures site generation, so the GTN
    # version marks them `run=false` (shown, highlighted, not executed), as an author does for sample code.
    info = "swift run=false" if language == "swift" and gtn else language
    return f"```{info}\n" + "\n".join(lines) + "\n```"


def quote(text, depth=1):
    prefix = "> " * depth
    return "\n".join((prefix + line).rstrip() for line in text.split("\n"))


def box(kind, title, content, gtn):
    """A box: GTN syntax (title tag + IAL) or a plain blockquote with a bold title."""
    if gtn:
        tag = "hands-on" if kind == "hands_on" else kind
        return quote(f"<{tag}-title>{title}</{tag}-title>\n\n{content}") + "\n{: ." + kind + "}"
    return quote(f"**{title}**\n\n{content}")


def lesson(number, topic, gtn):
    rng = random.Random(number * 7919 + 17)
    title = f"Lesson {number}: " + " ".join(rng.choice(WORDS) for _ in range(3)).title()
    minutes = rng.choice([15, 30, 45, 60, 90])
    front = [
        "---",
        "layout: tutorial_hands_on" if gtn else "layout: default",
        f'title: "{title}"',
        f"level: {rng.choice(LEVELS)}",
        f"time_estimation: {minutes}M",
        "questions:",
        *[f'  - "{sentence(rng)}"' for _ in range(2)],
        "objectives:",
        *[f'  - "{sentence(rng)}"' for _ in range(3)],
        "key_points:",
        *[f'  - "{sentence(rng)}"' for _ in range(2)],
        "contributors:",
        f"  - author{number % 13}",
        "---",
        "",
    ]
    parts = [paragraph(rng)]
    if gtn:
        parts.append(quote("<agenda-title></agenda-title>\n\nIn this tutorial, we will cover:\n\n1. TOC\n{:toc}") + "\n{: .agenda}")
    for section in range(5):
        parts.append(f"## Section {section + 1}: {rng.choice(WORDS).title()} {rng.choice(WORDS)} {number}")
        parts.append(paragraph(rng))
        parts.append("\n".join(f"- {sentence(rng, 4, 9)}" for _ in range(rng.randint(3, 5))))
        parts.append(code(rng, number * 10 + section, rng.choice(["python", "swift"]), gtn))
        kind = ["question", "hands_on", "tip", "comment", "details"][section]
        if kind == "question":
            solution = box("solution", "", paragraph(rng, 2), gtn)
            inner = paragraph(rng, 2) + "\n\n" + solution
            parts.append(box("question", sentence(rng, 2, 4).rstrip("."), inner, gtn))
        elif kind == "hands_on":
            steps = "\n".join(f"{i + 1}. {sentence(rng, 5, 10)}" for i in range(4))
            parts.append(box("hands_on", sentence(rng, 2, 4).rstrip("."), steps, gtn))
        else:
            parts.append(box(kind, sentence(rng, 2, 4).rstrip("."), paragraph(rng, 2), gtn))
        parts.append(f"### {rng.choice(WORDS).title()} details {number}.{section}")
        parts.append(paragraph(rng))
    return "\n".join(front) + "\n\n".join(parts) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("--lessons", type=int, default=1000)
    parser.add_argument("--topics", type=int, default=10)
    parser.add_argument("--templates", default=os.path.join(os.path.dirname(__file__), "..", "templates"))
    arguments = parser.parse_args()
    out = arguments.output
    shutil.rmtree(out, ignore_errors=True)

    layout = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              "<title>{title}</title><link rel=\"stylesheet\" href=\"/assets/style.css\"></head>\n"
              "<body><main>{content}</main></body></html>\n")
    write(f"{out}/jekyll/_config.yml", "title: Bench\nmarkdown: kramdown\nkramdown:\n  input: GFM\nexclude: [vendor]\n")
    write(f"{out}/jekyll/_layouts/default.html", layout.format(title="{{ page.title }}", content="{{ content }}"))
    write(f"{out}/hugo/hugo.toml", 'baseURL = "/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    write(f"{out}/hugo/layouts/_default/single.html", layout.format(title="{{ .Title }}", content="{{ .Content }}"))
    write(f"{out}/hugo/layouts/_default/list.html", layout.format(title="{{ .Title }}", content="{{ .Content }}"))
    shutil.copytree(arguments.templates, f"{out}/lessons/templates")

    total = 0
    for number in range(arguments.lessons):
        topic = f"topic-{number % arguments.topics:02d}"
        relative = f"topics/{topic}/tutorials/lesson-{number:04d}/tutorial.md"
        gtn = lesson(number, topic, True)
        plain = lesson(number, topic, False)
        total += len(gtn.encode())
        write(f"{out}/lessons/content/{relative}", gtn)
        write(f"{out}/jekyll/{relative}", plain)
        write(f"{out}/hugo/content/{relative}", plain)
    print(f"{arguments.lessons} lessons, {total / arguments.lessons / 1024:.1f} KB each on average, in {out}")


if __name__ == "__main__":
    main()
