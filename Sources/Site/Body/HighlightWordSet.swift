/// A language's keywords or builtins, looked up straight from the code's bytes: a word of up to 16 bytes is packed
/// into two integers (no array made per word of code) and compared with the few entries that start with its first
/// byte (no hashing); a word longer than the longest entry is not looked up at all.
struct HighlightWordSet: Sendable {
  /// A word of at most 16 bytes, packed.
  private struct Packed: Equatable, Sendable {
    var low: UInt64
    var high: UInt64
    var count: Int
  }

  /// The packed entries by their first byte.
  private var packed = [[Packed]](repeating: [], count: 256)
  /// Entries over 16 bytes (`withThrowingTaskGroup`), kept as bytes.
  private var long: Set<[UInt8]> = []
  private var longest = 0

  /// The set of `words`, separated by spaces.
  init(_ words: String) {
    for word in words.split(separator: " ") {
      let bytes = Array(word.utf8)
      longest = max(longest, bytes.count)
      if let key = Self.pack(bytes[...], lowercased: false) {
        if !packed[Int(key.low & 0xFF)].contains(key) { packed[Int(key.low & 0xFF)].append(key) }
      } else {
        long.insert(bytes)
      }
    }
  }

  /// True when `word` is in the set; `lowercased` compares it with ASCII capitals made small.
  func contains(_ word: ArraySlice<UInt8>, lowercased: Bool) -> Bool {
    guard word.count <= longest else { return false }
    if let key = Self.pack(word, lowercased: lowercased) { return packed[Int(key.low & 0xFF)].contains(key) }
    return long.contains(lowercased ? word.map(Self.lowercase) : Array(word))
  }

  private static func pack(_ word: ArraySlice<UInt8>, lowercased: Bool) -> Packed? {
    guard word.count <= 16 else { return nil }
    var key = Packed(low: 0, high: 0, count: word.count)
    for (offset, byte) in word.enumerated() {
      let value = UInt64(lowercased ? lowercase(byte) : byte)
      if offset < 8 { key.low |= value << (8 * offset) } else { key.high |= value << (8 * (offset - 8)) }
    }
    return key
  }

  private static func lowercase(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
}
