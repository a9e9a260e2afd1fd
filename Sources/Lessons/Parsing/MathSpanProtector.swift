/// Keeps kramdown's `$$…$$` math away from CommonMark's inline syntax before cmark reads the body.
///
/// TeX is full of what Markdown treats as markup (`x_i`, `a*b`, `\\`, `\{`), and kramdown reads math before
/// emphasis and escapes. So inside each `$$…$$` span every ASCII punctuation character is backslash-escaped: cmark
/// then gives back exactly the TeX as text (and no line of a formula can start a list, heading or quote). Nothing is
/// added or removed but backslashes, so line numbers stay the file's. Spans are not looked for in fenced code, code
/// spans, raw HTML blocks, or across a blank line (kramdown ends math at a paragraph's end); a single `$` is text.
enum MathSpanProtector {
  /// `text` with the inside of each `$$…$$` escaped for cmark.
  static func protect(_ text: String) -> String {
    guard text.containsBytes("$$") else { return text }
    var scanner = Scanner(bytes: Array(text.utf8))
    scanner.run()
    return String(decoding: scanner.output, as: UTF8.self)
  }

  private struct Scanner {
    let bytes: [UInt8]
    var output: [UInt8] = []
    var index = 0
    var fence: [UInt8]?
    var inHTMLBlock = false
    /// The number of `>` before the current line's text, kept on the lines inside a formula.
    var quoteDepth = 0

    init(bytes: [UInt8]) {
      self.bytes = bytes
      output.reserveCapacity(bytes.count + bytes.count / 16)
    }

    mutating func run() {
      var atLineStart = true
      while index < bytes.count {
        if atLineStart {
          // A whole line (fence, blank, raw HTML) is copied with its newline: the next one starts a line too.
          if startLine() { continue }
          atLineStart = false
        }
        let byte = bytes[index]
        switch byte {
        case 10:
          output.append(byte)
          index += 1
          atLineStart = true
        case UInt8(ascii: "\\") where index + 1 < bytes.count && bytes[index + 1] != 10:
          output += bytes[index...index + 1]
          index += 2
        case UInt8(ascii: "`"):
          var end = index
          while end < bytes.count, bytes[end] == byte { end += 1 }
          let closer = closingRun(length: end - index, from: end) ?? end
          output += bytes[index..<closer]
          index = closer
        case UInt8(ascii: "$") where index + 1 < bytes.count && bytes[index + 1] == byte:
          guard let close = closingDollars(from: index + 2) else {
            output += [byte, byte]
            index += 2
            break
          }
          output += [byte, byte]
          escape(index + 2..<close)
          output += [byte, byte]
          index = close + 2
        default:
          output.append(byte)
          index += 1
        }
      }
    }

    /// Handles a line that is fence, blank or raw HTML whole (copied, true); otherwise notes its quote depth.
    mutating func startLine() -> Bool {
      var end = index
      while end < bytes.count, bytes[end] != 10 { end += 1 }
      let line = bytes[index..<end]
      let content = line.drop { $0 == 32 || $0 == 9 || $0 == UInt8(ascii: ">") }
      var wholeLine = true
      if let open = fence {
        if content.starts(with: open), content.allSatisfy({ $0 == open[0] || $0 == 32 || $0 == 9 }) { fence = nil }
      } else if content.starts(with: Array("```".utf8)) || content.starts(with: Array("~~~".utf8)) {
        fence = Array(content.prefix { $0 == content.first })
      } else if content.isEmpty {
        inHTMLBlock = false
      } else if inHTMLBlock || Self.opensHTMLBlock(content) {
        inHTMLBlock = true
      } else {
        wholeLine = false
        quoteDepth = line.prefix(line.count - content.count).count { $0 == UInt8(ascii: ">") }
      }
      guard wholeLine else { return false }
      output += line
      index = end
      if index < bytes.count {
        output.append(10)
        index += 1
      }
      return true
    }

    /// The end of the next run of exactly `length` backticks in the paragraph, or nil.
    func closingRun(length: Int, from start: Int) -> Int? {
      var position = start
      while position < bytes.count {
        if bytes[position] == UInt8(ascii: "`") {
          var end = position
          while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
          if end - position == length { return end }
          position = end
        } else if bytes[position] == 10 {
          if nextLineIsBlank(after: position) { return nil }
          position += 1
        } else {
          position += 1
        }
      }
      return nil
    }

    /// Where the `$$` closing a formula opened before `start` is, within the paragraph; nil when there is none.
    func closingDollars(from start: Int) -> Int? {
      var position = start
      while position + 1 < bytes.count {
        if bytes[position] == UInt8(ascii: "$"), bytes[position + 1] == UInt8(ascii: "$") { return position }
        if bytes[position] == 10, nextLineIsBlank(after: position) { return nil }
        position += 1
      }
      return nil
    }

    func nextLineIsBlank(after newline: Int) -> Bool {
      var position = newline + 1
      while position < bytes.count, [32, 9, UInt8(ascii: ">")].contains(bytes[position]) { position += 1 }
      return position >= bytes.count || bytes[position] == 10
    }

    /// Copies a formula's inside with ASCII punctuation escaped; on its later lines the quote markers (`>`) and
    /// indentation of the line where it started are copied as they are.
    mutating func escape(_ range: Range<Int>) {
      var position = range.lowerBound
      while position < range.upperBound {
        let byte = bytes[position]
        position += 1
        if byte == 10 {
          output.append(byte)
          var quotes = 0
          while position < range.upperBound {
            let next = bytes[position]
            if next == UInt8(ascii: ">"), quotes < quoteDepth {
              quotes += 1
            } else if next != 32 && next != 9 {
              break
            }
            output.append(next)
            position += 1
          }
        } else if Self.isASCIIPunctuation(byte) {
          output += [UInt8(ascii: "\\"), byte]
        } else {
          output.append(byte)
        }
      }
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
      (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }

    /// A line CommonMark starts a raw HTML block with (a block-level tag or a comment), unless it asks for
    /// Markdown inside (`markdown="1"`).
    static func opensHTMLBlock(_ content: ArraySlice<UInt8>) -> Bool {
      guard content.first == UInt8(ascii: "<") else { return false }
      if content.starts(with: Array("<!--".utf8)) { return true }
      if content.firstRange(of: Array("markdown=".utf8)) != nil { return false }
      let name = content.dropFirst().drop { $0 == UInt8(ascii: "/") }.prefix { isLetterOrDigit($0) }
      return blockTags.contains(String(decoding: name, as: UTF8.self).lowercased())
    }

    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
      (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    static let blockTags: Set<String> = [
      "div", "details", "summary", "table", "thead", "tbody", "tr", "td", "th", "p", "section", "pre", "ul", "ol", "li",
      "blockquote", "figure", "figcaption", "iframe", "script", "style", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
      "h6", "hr", "nav", "header", "footer", "article", "aside", "center", "form", "fieldset", "video", "audio",
    ]
  }
}
