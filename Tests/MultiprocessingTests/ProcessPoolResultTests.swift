import Multiprocessing
import Testing

/// Writes part of a container, then throws when `fail` is set: the worker must drop the partial bytes.
private struct HalfWritten: Codable, Equatable {
  var value: Int
  var fail: Bool
  private enum CodingKeys: String, CodingKey { case value, fail }

  init(value: Int, fail: Bool) {
    self.value = value
    self.fail = fail
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(value, forKey: .value)
    var nested = container.nestedUnkeyedContainer(forKey: .fail)
    try nested.encode(String(repeating: "x", count: 1000))
    if fail { throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "half written")) }
    try container.encode(fail, forKey: .fail)
  }
}

extension AllPoolTests {
@Suite("ProcessPool results across the pipe")
struct ProcessPoolResultTests {
  @Test("an 8 MB [UInt8], a 16k-key dictionary and a large string come back intact", .timeLimit(.minutes(1)))
  func largeResults() throws {
    let pool = try ProcessPool(workers: 2, whenThreaded: .fork)
    defer { pool.join() }
    let bytes = try pool.apply { (0..<8_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) } }
    #expect(bytes.count == 8_000_000)
    #expect(bytes.indices.allSatisfy { bytes[$0] == UInt8(truncatingIfNeeded: $0 &* 31) })
    let keyed = try pool.apply { Dictionary(uniqueKeysWithValues: (0..<16_384).map { ("key-\($0)", $0) }) }
    #expect(keyed == Dictionary(uniqueKeysWithValues: (0..<16_384).map { ("key-\($0)", $0) }))
    let text = try pool.apply { String(repeating: "acgt🧬", count: 1_000_000) }
    #expect(text == String(repeating: "acgt🧬", count: 1_000_000))
    // Several large results in one chunk: each message is reserved and read whole.
    let several = try pool.map(0..<6, chunksize: 3) { [Double](repeating: Double($0), count: 500_000) }
    #expect(several.enumerated().allSatisfy { index, values in values.count == 500_000 && values[0] == Double(index) })
  }

  @Test("a result whose encoding throws midway is an encoding error; its neighbours arrive intact",
    .timeLimit(.minutes(1)))
  func halfWrittenResult() throws {
    let pool = try ProcessPool(workers: 2, whenThreaded: .fork)
    defer { pool.join() }
    let inputs = [1, 2, 3].map { HalfWritten(value: $0, fail: $0 == 2) }
    let outcomes = try Array(pool.imap(inputs, chunksize: 3) { $0 })
    #expect(try outcomes[0].get() == inputs[0])
    #expect(try outcomes[2].get() == inputs[2])
    guard case .failure(.encoding(let index, let description)) = outcomes[1] else {
      Issue.record("expected an encoding error, got \(outcomes[1])")
      return
    }
    #expect(index == 1)
    #expect(description.contains("half written"))
  }
}
}
