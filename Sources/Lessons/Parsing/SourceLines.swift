/// The lines of a lesson file, for what cmark's tree does not keep: how many `>` a line starts with, and the raw
/// text of table rows.
struct SourceLines {
  let lines: [Substring]

  init(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// Line `number` (1-based), or an empty line outside the file.
  subscript(number: Int) -> Substring {
    number >= 1 && number <= lines.count ? lines[number - 1] : ""
  }

  /// How many `>` markers open line `number` (counting only the leading run of `>`, spaces and tabs).
  func quoteDepth(ofLine number: Int) -> Int {
    var depth = 0
    for byte in self[number].utf8 {
      if byte == UInt8(ascii: ">") {
        depth += 1
      } else if byte != 32 && byte != 9 {
        break
      }
    }
    return depth
  }

  /// Line `number` without its leading run of `>`, spaces and tabs.
  func content(ofLine number: Int) -> Substring {
    let line = self[number]
    var index = line.startIndex
    while index < line.endIndex, line[index] == ">" || line[index] == " " || line[index] == "\t" {
      index = line.index(after: index)
    }
    return line[index...]
  }
}
