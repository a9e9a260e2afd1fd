import Glibc
@testable import Multiprocessing
import Testing

/// A Codable error whose description is long enough to need a wide length field under a lowered threshold.
private struct LongBoom: Error, Codable, Equatable, CustomStringConvertible {
  var code: Int
  var description: String { "long boom \(code) " + String(repeating: "!", count: 200) }
}

extension AllPoolTests {
/// Results and messages of any size: a length of 4 GiB or more is `UInt32.max` then a `UInt64` (as CPython's
/// `Connection` switches to a 64-bit header), smaller ones keep their 4-byte field. The threshold is lowered through
/// `PoolTestHooks.wideLengthsFrom` so that the wide form is exercised without gigabytes of memory.
@Suite("Wire format lengths")
struct WireLengthTests {
  @Test("a length field is 4 bytes below the threshold, the escape and 8 bytes from it up; both read back")
  func lengthFields() throws {
    var bytes: [UInt8] = []
    WireFormat.appendLength(0xFFFF_FFFE, to: &bytes)
    WireFormat.appendLength(0xFFFF_FFFF, to: &bytes)
    WireFormat.appendLength(5 << 30, to: &bytes)
    #expect(bytes.count == 4 + 12 + 12)
    #expect(bytes[4..<8].allSatisfy { $0 == 0xFF })
    try bytes.withUnsafeBytes { raw in
      let first = try #require(WireFormat.lengthField(in: raw, at: 0))
      #expect(first.length == 0xFFFF_FFFE && first.fieldSize == 4)
      let second = try #require(WireFormat.lengthField(in: raw, at: 4))
      #expect(second.length == 0xFFFF_FFFF && second.fieldSize == 12)
      let third = try #require(WireFormat.lengthField(in: raw, at: 16))
      #expect(third.length == 5 << 30 && third.fieldSize == 12)
      // A wide field cut short is not read yet (more bytes are needed), not misread as its escape.
      #expect(WireFormat.lengthField(in: UnsafeRawBufferPointer(rebasing: raw[4..<12]), at: 0) == nil)
    }
  }

  @Test("a message longer than the threshold gets a wide header that the reader finds, between narrow ones")
  func wideMessage() throws {
    PoolTestHooks.wideLengthsFrom = 64
    defer { PoolTestHooks.wideLengthsFrom = 0xFFFF_FFFF }
    var bytes: [UInt8] = []
    for (start, size) in [(0, 10), (1, 300), (2, 5)] {
      let at = WireFormat.appendHeader(kind: .items, start: start, count: 1, to: &bytes)
      WireFormat.appendItem(.value, [UInt8](repeating: UInt8(start), count: size), to: &bytes)
      WireFormat.patchLength(at: at, in: &bytes)
    }
    // Narrow: 4 + 17 + 1 + 4 + 10; wide: 12 + 17 + 1 + 12 + 300; narrow: 4 + 17 + 1 + 4 + 5.
    #expect(bytes.count == 36 + 342 + 31)
    bytes.withUnsafeBytes { raw in
      var offset = 0
      var found: [(start: Int, payload: Int)] = []
      while let (message, next) = WireFormat.nextMessage(in: raw, at: offset) {
        found.append((message.start, message.payload.count))
        offset = next
      }
      #expect(offset == raw.count)
      #expect(found.map(\.start) == [0, 1, 2])
      #expect(found.map(\.payload) == [15, 313, 10])
      // Cut anywhere inside the wide message, the buffer holds one complete message.
      for cut in 37..<(36 + 342) {
        let partial = UnsafeRawBufferPointer(rebasing: raw[0..<cut])
        guard let (_, next) = WireFormat.nextMessage(in: partial, at: 0) else { continue }
        #expect(WireFormat.nextMessage(in: partial, at: next) == nil)
      }
    }
  }

  @Test("results, errors and initializer failures over the threshold cross a pool intact", .timeLimit(.minutes(1)))
  func wideResultsThroughPool() throws {
    PoolTestHooks.wideLengthsFrom = 64
    defer { PoolTestHooks.wideLengthsFrom = 0xFFFF_FFFF }
    let pool = try ProcessPool(workers: 2, whenThreaded: .fork)
    defer { pool.join() }
    // Small and large results in the same chunks: narrow and wide records in one message.
    let results = try pool.map(0..<12, chunksize: 3) { index in
      [UInt8](repeating: UInt8(index), count: index % 2 == 0 ? 10 : 100_000 + index)
    }
    #expect(results.count == 12)
    for (index, bytes) in results.enumerated() {
      #expect(bytes.count == (index % 2 == 0 ? 10 : 100_000 + index))
      #expect(bytes.allSatisfy { $0 == UInt8(index) })
    }
    let text = try pool.apply { String(repeating: "acgt", count: 50_000) }
    #expect(text == String(repeating: "acgt", count: 50_000))
    // A Codable error with a long description, from a pipe result and from a shared-memory (Int) result.
    #expect(throws: PoolError.taskThrew(index: 2, error: LongBoom(code: 2))) {
      try pool.map(0..<4, chunksize: 2) { i -> String in
        if i == 2 { throw LongBoom(code: i) }
        return String(repeating: "x", count: 100)
      }
    }
    #expect(throws: PoolError.taskThrew(index: 1, error: LongBoom(code: 1))) {
      try pool.map(0..<4, chunksize: 2) { i -> Int in
        if i == 1 { throw LongBoom(code: i) }
        return i
      }
    }
    let long = String(repeating: "initializer failed ", count: 20)
    struct Failure: Error, CustomStringConvertible { let description: String }
    #expect(throws: PoolError.initializerFailed(description: long)) {
      try ProcessPool(workers: 1, whenThreaded: .fork) { throw Failure(description: long) }.map(0..<2) { $0 }
    }
  }
}
}
