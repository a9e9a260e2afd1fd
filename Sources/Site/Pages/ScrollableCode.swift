import Foundation

/// Makes code blocks reachable by keyboard: a `<pre>` that scrolls sideways must be focusable (WCAG 2.1.1, axe's
/// `scrollable-region-focusable`) so that arrow keys can scroll it, and without JavaScript the builder cannot
/// know which blocks will overflow, so every one gets `tabindex="0"` (assets/site.js later drops the tab stop of
/// blocks that fit).
enum ScrollableCode {
  /// `html` with `tabindex="0"` on every `<pre>` start tag that has no tabindex yet.
  static func focusable(_ html: String) -> String {
    var html = html
    // Scans the UTF-8 bytes in place: `range(of:)` on a Substring went through NSString and took 6% of a build.
    return html.withUTF8 { bytes in
      let pre = Array("<pre".utf8)
      let tabindex = Array("tabindex".utf8)
      var output: [UInt8] = []
      var copied = 0
      var at = 0
      while let start = find(pre, in: bytes, from: at, before: bytes.count) {
        let after = start + pre.count
        at = after
        guard after < bytes.count, bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: " ") else { continue }
        let tagEnd = bytes[after...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
        if find(tabindex, in: bytes, from: after, before: tagEnd) == nil {
          if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
          output.append(contentsOf: bytes[copied..<after])
          output.append(contentsOf: " tabindex=\"0\"".utf8)
          copied = after
        }
      }
      guard copied > 0 else { return nil }
      output.append(contentsOf: bytes[copied...])
      return String(decoding: output, as: UTF8.self)
    } ?? html
  }

  /// The offset of the first `needle` in `bytes` starting at `from` and ending before `before`.
  private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, before: Int) -> Int? {
    guard before - from >= needle.count, let first = needle.first else { return nil }
    var index = from
    while index <= before - needle.count {
      if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
