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
