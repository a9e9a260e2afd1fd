import Foundation
import Lessons

extension StringProtocol {
  /// The text without the Unicode scalars of `set` at either end: what Foundation's `trimmingCharacters(in:)`
  /// returns, without bridging the whole text to NSString (that bridge was the largest cost of notebook export).
  func trimmingScalars(in set: CharacterSet) -> String {
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
    while end > start {
      let before = scalars.index(before: end)
      guard set.contains(scalars[before]) else { break }
      end = before
    }
    return String(self[start..<end])
  }
}

extension String {
  /// The text split at each "\n" Character, as `split(separator: "\n", omittingEmptySubsequences: false)` splits it
  /// (a "\r\n" is one Character and does not split), found by scanning the UTF-8 bytes: the Character-level split
  /// cost more than the rest of a lesson's notebook text.
  func linesSplitAtNewlineCharacters() -> [Substring] {
    var result: [Substring] = []
    let bytes = utf8
    var lineStart = bytes.startIndex
    var previous: UInt8 = 0
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let byte = bytes[index]
      if byte == 10 && previous != 13 {
        result.append(self[lineStart..<index])
        lineStart = bytes.index(after: index)
      }
      previous = byte
      index = bytes.index(after: index)
    }
    result.append(self[lineStart...])
    return result
  }
}

/// Byte checks for the notebook's text passes, on UTF-8 buffers (searching is the Lessons target's `ByteSearch`).
enum NotebookBytes {
  /// Whether `bytes` starts with `prefix` (lowercase ASCII), ignoring ASCII case: what `lowercased().hasPrefix(prefix)`
  /// gives when `prefix` has no `k` or `i` (the only ASCII letters a non-ASCII scalar lowercases to: K, İ).
  static func hasPrefixIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
    guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
    for offset in 0..<prefix.utf8CodeUnitCount {
      let byte = bytes[offset]
      let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
      if lower != prefix.utf8Start[offset] { return false }
    }
    return true
  }

  static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
    bytes.count == text.utf8CodeUnitCount && hasPrefix(bytes, text)
  }

  static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
    prefix.utf8CodeUnitCount == 0
      || bytes.count >= prefix.utf8CodeUnitCount && memcmp(bytes.baseAddress!, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
  }

  /// Whether one of the eight bytes of `word` is `a`, `b` or `c` (exact), all eight at once.
  static func word(_ word: UInt64, hasAnyOf a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
    ByteWord.equal(word, a) | ByteWord.equal(word, b) | ByteWord.equal(word, c) != 0
  }
}
