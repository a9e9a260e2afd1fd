import Foundation

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
