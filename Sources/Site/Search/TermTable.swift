/// Terms (UTF-8 bytes) numbered in the order they are first seen, for the search index's builders: one open-addressing
/// table over one byte buffer, so that counting a lesson's words allocates no `String` per word and hashes no
/// `String` (the first version's `[String: Int]` was most of the index's build time).
struct TermTable {
  /// Every term's bytes, one after the other: term `n` is `bytes[starts[n]..<starts[n + 1]]`.
  private(set) var bytes: [UInt8] = []
  private var starts: [Int] = [0]
  /// Term number + 1 in each slot (0: free); the slot count is a power of two, kept at most half full.
  private var slots: [Int32]
  private var hashes: [UInt32] = []

  init(capacity: Int = 512) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
  }

  /// How many different terms the table holds.
  var count: Int { starts.count - 1 }

  /// The bytes of term `number`.
  func term(_ number: Int) -> ArraySlice<UInt8> { bytes[starts[number]..<starts[number + 1]] }

  /// The term's number: a new one (`count` before the call) when the table did not hold it yet.
  mutating func number(of term: UnsafeBufferPointer<UInt8>) -> Int {
    let hash = Self.hash(term)
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while true {
      let held = Int(slots[slot])
      if held == 0 { break }
      if hashes[held - 1] == hash, equals(held - 1, term) { return held - 1 }
      slot = (slot + 1) & mask
    }
    let number = count
    bytes.append(contentsOf: term)
    starts.append(bytes.count)
    hashes.append(hash)
    slots[slot] = Int32(number + 1)
    if count * 2 > slots.count { grow() }
    return number
  }

  /// The term numbers in the order of their bytes (code point order, as the index lists terms). Terms are compared
  /// by their first eight bytes as one number first (most differ there), then byte by byte.
  func sortedNumbers() -> [Int] {
    bytes.withUnsafeBufferPointer { all in
      starts.withUnsafeBufferPointer { starts in
        var keyed = (0..<count).map { number in
          var prefix: UInt64 = 0
          let start = starts[number]
          let length = min(8, starts[number + 1] - start)
          for offset in 0..<8 { prefix = prefix << 8 | (offset < length ? UInt64(all[start + offset]) : 0) }
          return (prefix: prefix, number: number)
        }
        keyed.sort { left, right in
          if left.prefix != right.prefix { return left.prefix < right.prefix }
          return Self.precedes(
            UnsafeBufferPointer(rebasing: all[starts[left.number]..<starts[left.number + 1]]),
            UnsafeBufferPointer(rebasing: all[starts[right.number]..<starts[right.number + 1]]))
        }
        return keyed.map(\.number)
      }
    }
  }

  /// Whether `left` sorts before `right`, byte by byte (a prefix first).
  static func precedes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    let shared = min(left.count, right.count)
    var index = 0
    while index < shared {
      if left[index] != right[index] { return left[index] < right[index] }
      index += 1
    }
    return left.count < right.count
  }

  private func equals(_ number: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[number]
    guard starts[number + 1] - start == term.count else { return false }
    return bytes.withUnsafeBufferPointer { all in
      var index = 0
      while index < term.count {
        if all[start + index] != term[index] { return false }
        index += 1
      }
      return true
    }
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for number in 0..<count {
      var slot = Int(hashes[number]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(number + 1)
    }
  }

  /// The term's bytes eight at a time, multiplied and folded so that the low bits (the slot) depend on every byte.
  /// (The hash only places terms in slots: numbers follow first sight, and every output is sorted by bytes.)
  private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var hash = UInt64(term.count) &* multiplier
    guard let base = term.baseAddress else { return UInt32(truncatingIfNeeded: hash >> 32) }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index + 8 <= term.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* multiplier
      hash ^= hash >> 32
      index += 8
    }
    var rest: UInt64 = 0
    var shift: UInt64 = 0
    while index < term.count {
      rest |= UInt64(term[index]) << shift
      shift += 8
      index += 1
    }
    hash = (hash ^ rest) &* multiplier
    hash ^= hash >> 29
    hash = hash &* multiplier
    return UInt32(truncatingIfNeeded: hash >> 32)
  }
}

/// Decimal numbers written straight into a byte buffer (the index is mostly numbers).
enum DecimalBytes {
  static func append(_ value: Int, to output: inout [UInt8]) {
    if value < 0 {
      output += String(value).utf8
      return
    }
    if value < 10 {
      output.append(0x30 + UInt8(value))
      return
    }
    if value < 100 {
      output.append(0x30 + UInt8(value / 10))
      output.append(0x30 + UInt8(value % 10))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
      while rest > 0 {
        buffer[19 - count] = 0x30 + UInt8(rest % 10)
        rest /= 10
        count += 1
      }
      output.append(contentsOf: buffer[(20 - count)...])
    }
  }
}
