/// The lines of a lesson file, for what cmark's tree does not keep: how many `>` a line starts with, and the raw
/// text of table rows.
///
/// The lines are split on first use: most lessons never need them.
final class SourceLines {
  private let text: String
  private(set) lazy var lines: [Substring] = Self.lines(of: text[...])

  init(_ text: String) {
    self.text = text
  }

  /// The lines of `text` without their `\n`, found on UTF-8 bytes (a Character-level split is far slower).
  static func lines(of text: Substring) -> [Substring] {
    let fast: [Substring]? = text.utf8.withContiguousStorageIfAvailable { buffer in
      var result: [Substring] = []
      let utf8 = text.utf8
      var start = 0
      for (offset, byte) in buffer.enumerated() where byte == 10 {
        result.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: offset)])
        start = offset + 1
      }
      result.append(text[utf8.index(utf8.startIndex, offsetBy: start)...])
      return result
    }
    if let fast { return fast }
    var result: [Substring] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var index = utf8.startIndex
    while index < utf8.endIndex {
      if utf8[index] == 10 {
        result.append(text[start..<index])
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    result.append(text[start..<utf8.endIndex])
    return result
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
