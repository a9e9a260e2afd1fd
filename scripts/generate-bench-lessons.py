#!/usr/bin/env python3
"""Writes N six-cell lessons for scripts/bench-execution.sh: Swift (for `lessons build`) or the same work in Python
(MyST notebooks for Jupyter Book 1, with a table of contents and its configuration's defaults).

Usage: generate-bench-lessons.py swift|python COUNT FOLDER [-O]   (-O: Swift lessons ask for `optimize: true`)
"""
import os, sys

SWIFT = [
    'let name = "lesson {n}"\nprint("Hello from \\(name)")',
    'var total = 0\nfor i in 1...100_000 { total += i * i % 7 }\nprint("sum:", total)',
    'let text = "the quick brown fox jumps over the lazy dog the end"\nvar counts: [String: Int] = [:]\n'
    'for word in text.split(separator: " ") { counts[String(word), default: 0] += 1 }\n'
    'print(counts.sorted { $0.key < $1.key }.map { "\\($0.key)=\\($0.value)" }.joined(separator: " "))',
    'var seed = {n}\nvar values: [Int] = []\nfor _ in 0..<10_000 { seed = (seed &* 1_103_515_245 &+ 12_345) % 2_147_483_648; values.append(seed % 1000) }\n'
    'let sorted = values.sorted()\nprint("median:", sorted[sorted.count / 2])',
    'func fibonacci(_ n: Int) -> Int { n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2) }\nprint("fib(20) =", fibonacci(20))',
    'let squares = (1...10).map { $0 * $0 }\nprint(squares.map(String.init).joined(separator: ", "))',
]
PYTHON = [
    'name = "lesson {n}"\nprint(f"Hello from {name}")',
    'total = 0\nfor i in range(1, 100_001):\n    total += i * i % 7\nprint("sum:", total)',
    'text = "the quick brown fox jumps over the lazy dog the end"\ncounts = {}\n'
    'for word in text.split(" "):\n    counts[word] = counts.get(word, 0) + 1\n'
    'print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))',
    'seed = {n}\nvalues = []\nfor _ in range(10_000):\n    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648\n    values.append(seed % 1000)\n'
    'ordered = sorted(values)\nprint("median:", ordered[len(ordered) // 2])',
    'def fibonacci(n):\n    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)\nprint("fib(20) =", fibonacci(20))',
    'squares = [i * i for i in range(1, 11)]\nprint(", ".join(str(s) for s in squares))',
]

def main():
    kind, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    optimize = "optimize: true\n" if sys.argv[4:] == ["-O"] else ""
    for n in range(1, count + 1):
        if kind == "swift":
            folder = f"{out}/topics/bench/tutorials/lesson-{n:02d}"
            os.makedirs(folder, exist_ok=True)
            cells = "\n\n".join(f"Step {i + 1}.\n\n```swift\n{c.replace('{n}', str(n))}\n```" for i, c in enumerate(SWIFT))
            text = f"---\nlayout: tutorial_hands_on\ntitle: Bench lesson {n}\n{optimize}---\n\n{cells}\n"
            open(f"{folder}/tutorial.md", "w").write(text)
        else:
            os.makedirs(out, exist_ok=True)
            cells = "\n\n".join(f"Step {i + 1}.\n\n```{{code-cell}} ipython3\n{c.replace('{n}', str(n))}\n```" for i, c in enumerate(PYTHON))
            header = ("---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\n"
                      "kernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n---\n")
            open(f"{out}/lesson-{n:02d}.md", "w").write(f"{header}\n# Bench lesson {n}\n\n{cells}\n")
    if kind == "python":
        chapters = "\n".join(f"- file: lesson-{n:02d}" for n in range(1, count + 1))
        open(f"{out}/_toc.yml", "w").write(f"format: jb-book\nroot: intro\nchapters:\n{chapters}\n")
        open(f"{out}/intro.md", "w").write(f"# Bench\n\n{count} generated lessons.\n")
        open(f"{out}/_config.yml", "w").write("title: Bench\nauthor: bench\n")

if __name__ == "__main__":
    main()
