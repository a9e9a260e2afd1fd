import Foundation
import Lessons

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
      var output: [UInt8] = []
      var copied = 0
      var at = 0
      while let start = startOfPre(in: bytes, from: at) {
        let after = start + 4
        at = after
        guard after < bytes.count, bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: " ") else { continue }
        let tagEnd = bytes[after...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
        if ByteSearch.firstOffset(of: "tabindex", in: UnsafeBufferPointer(rebasing: bytes[after..<tagEnd])) == nil {
          if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<after]))
          output.append(contentsOf: " tabindex=\"0\"".utf8)
          copied = after
        }
      }
      guard copied > 0 else { return nil }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
      return String(decoding: output, as: UTF8.self)
    } ?? html
  }

  /// The offset of the next `<pre` at or after `from`. Sixteen bytes at a time are tested for a `<` followed by a
  /// `p` (the body's other tags are most of its `<`: a `memchr` stop at each one was half of this pass).
  private static func startOfPre(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let open = SIMD16<UInt8>(repeating: UInt8(ascii: "<"))
    let p = SIMD16<UInt8>(repeating: UInt8(ascii: "p"))
    var index = from
    // Each block reads bytes index ..< index + 17 (the `p` test looks one byte further).
    while index + 17 <= bytes.count {
      let here = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
      let next = UnsafeRawPointer(base + index + 1).loadUnaligned(as: SIMD16<UInt8>.self)
      let candidates = (here .== open) .& (next .== p)
      if any(candidates) {
        for lane in 0..<16 where candidates[lane] && isPre(bytes, at: index + lane) { return index + lane }
      }
      index += 16
    }
    while index + 4 <= bytes.count {
      if isPre(bytes, at: index) { return index }
      index += 1
    }
    return nil
  }

  /// Whether `<pre` starts at `at`.
  private static func isPre(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
    at + 4 <= bytes.count && bytes[at] == UInt8(ascii: "<") && bytes[at + 1] == UInt8(ascii: "p")
      && bytes[at + 2] == UInt8(ascii: "r") && bytes[at + 3] == UInt8(ascii: "e")
  }
}
