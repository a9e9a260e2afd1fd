/// The lines of a lesson file, for what cmark's tree does not keep: how many `>` a line starts with, and the raw
/// text of table rows.
///
/// The lines are split on first use: most lessons never need them.
final class SourceLines {
  private let text: String
  private var split: [Substring]?
  var lines: [Substring] {
    if let split { return split }
    let lines = Self.lines(of: text[...])
    split = lines
    return lines
  }

  /// The lines of `text`; `lines` when they are already split (`Self.lines(of: text[...])`).
  init(_ text: String, lines: [Substring]? = nil) {
    self.text = text
    self.split = lines
  }

  /// The lines of `text` without their `\n`, found on UTF-8 bytes (a Character-level split is far slower).
  static func lines(of text: Substring) -> [Substring] {
    let fast: [Substring]? = text.utf8.withContiguousStorageIfAvailable { buffer in
      var result: [Substring] = []
      let utf8 = text.utf8
      var start = 0
      while let end = ByteSearch.firstOffset(of: 10, in: buffer, from: start) {
        result.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
        start = end + 1
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
    Self.droppingQuoteMarkers(self[number])
  }

  /// `line` without its leading run of `>`, spaces and tabs (as Characters: a space that a combining mark follows
  /// is a Character of its own and ends the run), found on bytes.
  static func droppingQuoteMarkers(_ line: Substring) -> Substring {
    let utf8 = line.utf8
    // Most lines start with none of them: the line as it is, without stepping an index.
    guard let first = utf8.first, first == UInt8(ascii: ">") || first == 32 || first == 9 else { return line }
    // The run is measured on the contiguous bytes, then the index moved once (stepping a UTF-8 index checks each step).
    let runLength = utf8.withContiguousStorageIfAvailable { buffer in
      var length = 0
      while length < buffer.count, buffer[length] == UInt8(ascii: ">") || buffer[length] == 32 || buffer[length] == 9 {
        length += 1
      }
      return length
    }
    var index = utf8.startIndex
    if let runLength {
      index = utf8.index(index, offsetBy: runLength)
    } else {
      while index < utf8.endIndex, utf8[index] == UInt8(ascii: ">") || utf8[index] == 32 || utf8[index] == 9 {
        utf8.formIndex(after: &index)
      }
    }
    // A byte past ASCII right after the run may extend its last Character: then Characters decide.
    if index > utf8.startIndex, index < utf8.endIndex, utf8[index] >= 0x80 {
      return line.drop { $0 == ">" || $0 == " " || $0 == "\t" }
    }
    return line[index...]
  }
}
