/// The short windows of a lesson's text that the search page shows as its results' snippets, carried by the term
/// files (as Pagefind stores an excerpt with each page) so that a query's results are complete after one round of
/// script loads: a second round of ten per-lesson documents cost Chromium 25–50 ms whatever their size.
///
/// A section's text is cut into chunks of about `length` bytes at spaces (a run without spaces stays whole, shown up
/// to `longest` bytes). Each term of a lesson has one window: the chunk of its first occurrence in the section where
/// it weighs most (its heading first, as the page ranks sections; the first chunk when only the heading holds it).
/// Terms share the chunks they occur in, so a lesson's record holds each chunk at most once.
///
/// A window is written into the term files as the JSON array members `code,"heading","anchor","text"` (code: the
/// section's number × 4, + 1 when the section's text goes on before the window, + 2 when it goes on after; anchor ""
/// when it is `slug(heading)` as search.js computes it), escaped once more to sit inside the term file's
/// single-quoted string literal. A lesson's record keeps each section's `"heading","anchor"` once and its windows as
/// `code,"text"`.
enum SearchWindows {
  /// A chunk's length in bytes, about fifteen words (every posting of the index carries one).
  static let length = 100
  /// The longest window text: a run without spaces is cut here.
  static let longest = 200

  /// The chunks of `text`: ranges cut at spaces (the space between two chunks belongs to neither), each at most
  /// `length` bytes unless a run without spaces is longer. Every word lies whole in one chunk, so that cutting a
  /// text into terms chunk by chunk gives its terms.
  static func chunks(of text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var chunks: [Range<Int>] = []
    chunks.reserveCapacity(text.count / length + 1)
    var start = 0
    while start < text.count {
      if text.count - start <= length {
        chunks.append(start..<text.count)
        break
      }
      var cut = start + length
      while cut > start, text[cut] != 0x20 { cut -= 1 }
      if cut == start {
        cut = start + length
        while cut < text.count, text[cut] != 0x20 { cut += 1 }
      }
      if cut > start { chunks.append(start..<cut) }
      start = cut + 1
    }
    return chunks
  }

  /// The part of a window that names its section: `"heading","anchor"`, escaped for the term file (made once per
  /// section, for all of its windows).
  static func head(heading: UnsafeBufferPointer<UInt8>, anchor: String) -> [UInt8] {
    var head: [UInt8] = []
    head.reserveCapacity(heading.count + anchor.utf8.count + 12)
    JavaScriptString.append(nestedLiteralOf: heading, to: &head)
    head.append(0x2C)
    var anchor = isSlug(anchor, of: heading) ? "" : anchor
    anchor.withUTF8 { JavaScriptString.append(nestedLiteralOf: $0, to: &head) }
    return head
  }

  /// Appends the window of `chunk` (nil: the section has no text) in section number `section`, whose text is
  /// `text`, as the lesson's record keeps it: `code,"text"`, escaped (`SearchShards` puts the section's head
  /// between them).
  static func append(section: Int, text: UnsafeBufferPointer<UInt8>, chunk: Range<Int>?, to output: inout [UInt8]) {
    var shown = chunk ?? 0..<0
    if shown.count > longest {
      var end = shown.lowerBound + longest
      while text[end] & 0xC0 == 0x80 { end -= 1 }
      shown = shown.lowerBound..<end
    }
    DecimalBytes.append(section * 4 + (shown.lowerBound > 0 ? 1 : 0) + (shown.upperBound < text.count ? 2 : 0), to: &output)
    output.append(0x2C)
    JavaScriptString.append(nestedLiteralOf: UnsafeBufferPointer(rebasing: text[shown]), to: &output)
  }

  /// The head of a window whose section's head is missing.
  static let noHead = #""","""#

  /// The window written for a term no section holds (a lesson without text).
  static let none = #"0,"","","""#

  /// Whether `anchor` is what search.js's `slug(heading)` makes of `heading`: its leading characters up to the
  /// first ASCII letter dropped, then only ASCII letters, digits, spaces and `-` kept, each space written `-`,
  /// lower-cased (kramdown's header id of an ASCII heading, which most anchors are).
  static func isSlug(_ anchor: String, of heading: UnsafeBufferPointer<UInt8>) -> Bool {
    var anchor = anchor
    return anchor.withUTF8 { anchor in
      var at = 0
      var started = false
      for var byte in heading {
        let isLetter = ((byte | 0x20) &- 0x61) < 26
        if !started {
          guard isLetter else { continue }
          started = true
        }
        if isLetter {
          byte |= 0x20
        } else if byte == 0x20 {
          byte = 0x2D
        } else if !(byte &- 0x30 < 10 || byte == 0x2D) {
          continue
        }
        guard at < anchor.count, anchor[at] == byte else { return false }
        at += 1
      }
      return at == anchor.count
    }
  }
}
