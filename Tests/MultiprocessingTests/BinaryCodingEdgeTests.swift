import Multiprocessing
import Testing

/// Round-trips `value` and checks it comes back equal.
private func roundTrip<T: Codable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let bytes = try BinaryEncoder().encode(value)
  #expect(try BinaryDecoder().decode(T.self, from: bytes) == value, sourceLocation: sourceLocation)
}

/// A conformance that fills two nested containers in turns: the streaming encoder must fall back, not
/// write the items into the wrong container.
private struct Interleaved: Codable, Equatable {
  var left: [Int]
  var right: [String]
  private enum CodingKeys: String, CodingKey { case left, right }

  init(left: [Int], right: [String]) {
    self.left = left
    self.right = right
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    var lefts = container.nestedUnkeyedContainer(forKey: .left)
    var rights = container.nestedUnkeyedContainer(forKey: .right)
    for (l, r) in zip(left, right) {
      try lefts.encode(l)
      try rights.encode(r)
    }
  }
}

/// Writes one key twice: the last value is the one read back, as with JSONEncoder.
private struct Overwriting: Codable, Equatable {
  var value: Int
  private enum CodingKeys: String, CodingKey { case value }
  init(value: Int) { self.value = value }
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(-1, forKey: .value)
    try container.encode(value, forKey: .value)
  }
}

/// A class hierarchy that encodes its superclass through `superEncoder()` and the same encoder twice.
private class Animal: Codable, Equatable {
  var name: String
  init(name: String) { self.name = name }
  static func == (lhs: Animal, rhs: Animal) -> Bool { lhs.name == rhs.name && type(of: lhs) == type(of: rhs) }
}

private final class Dog: Animal, @unchecked Sendable {  // immutable after init; only compared in tests
  var tricks: [String]
  private enum CodingKeys: String, CodingKey { case tricks }
  init(name: String, tricks: [String]) {
    self.tricks = tricks
    super.init(name: name)
  }
  required init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    tricks = try container.decode([String].self, forKey: .tricks)
    try super.init(from: container.superDecoder())
  }
  override func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(tricks, forKey: .tricks)
    try super.encode(to: container.superEncoder())
  }
  static func == (lhs: Dog, rhs: Dog) -> Bool { lhs.name == rhs.name && lhs.tricks == rhs.tricks }
}

private struct Point: Codable, Equatable, Hashable {
  var x: Double
  var y: Double
}

private enum Shape: Codable, Equatable {
  case circle(center: Point, radius: Double)
  case polygon([Point])
  case empty
}

private struct Wide: Codable, Equatable {
  var a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9, j = 10
  var k = 11, l = 12, m = 13, n = 14, o = 15, p = 16, q = 17, r = 18, s = 19, t = 20
  var nested: [String: [String: Int]] = ["x": ["y": 1], "z": [:]]
}

extension AllPoolTests {
@Suite("Binary Codable edge cases")
struct BinaryCodingEdgeTests {
  @Test("arrays of numbers travel as their memory: about one byte per UInt8", .timeLimit(.minutes(1)))
  func rawArraysAreCompact() throws {
    let bytes = [UInt8](repeating: 200, count: 100_000)
    let encoded = try BinaryEncoder().encode(bytes)
    #expect(encoded.count < 100_016)
    #expect(try BinaryDecoder().decode([UInt8].self, from: encoded) == bytes)
    let doubles = (0..<10_000).map { Double($0) / 3 }
    #expect(try BinaryEncoder().encode(doubles).count < 80_016)
  }

  @Test("every trivial element type, empty arrays and extremes round-trip", .timeLimit(.minutes(1)))
  func trivialArrays() throws {
    try roundTrip([Int]())
    try roundTrip([UInt8]())
    try roundTrip([[Double]]([[], [1], []]))
    try roundTrip([Int.min, -1, 0, 1, Int.max])
    try roundTrip([Int8.min, Int8.max])
    try roundTrip([Int16.min, Int16.max])
    try roundTrip([Int32.min, Int32.max])
    try roundTrip([Int64.min, Int64.max])
    try roundTrip([UInt.max, 0])
    try roundTrip([UInt16.max])
    try roundTrip([UInt32.max])
    try roundTrip([UInt64.max, 0])
    try roundTrip([Float.greatestFiniteMagnitude, -.infinity, .leastNonzeroMagnitude])
    try roundTrip([true, false, true])
    try roundTrip(ContiguousArray([1.5, -2.5]))
    let specials = try BinaryDecoder().decode(
      [Double].self, from: BinaryEncoder().encode([Double.nan, .infinity, -.infinity, -0.0]))
    #expect(specials[0].isNaN && specials[1] == .infinity && specials[2] == -.infinity)
    #expect(specials[3] == 0 && specials[3].sign == .minus)
  }

  @Test("scalars at their limits round-trip", .timeLimit(.minutes(1)))
  func scalars() throws {
    try roundTrip(Int.min)
    try roundTrip(Int.max)
    try roundTrip(UInt64.max)
    try roundTrip(Int8.min)
    try roundTrip(-0.0 as Double)
    try roundTrip(Double.infinity)
    try roundTrip("")
    try roundTrip(["", "naïve", "🧬", String(repeating: "x", count: 300)])
    try roundTrip([String]())
    try roundTrip([[String]]([[], ["a"]]))
    #expect(throws: DecodingError.self) {
      try BinaryDecoder().decode([String].self, from: BinaryEncoder().encode(["a", nil] as [String?]))
    }
    try roundTrip("naïve 🧬 \u{0}")
    try roundTrip(Optional<Int>.none)
    try roundTrip([Int?.none, 3])
    let nan = try BinaryDecoder().decode(Double.self, from: BinaryEncoder().encode(Double.nan))
    #expect(nan.isNaN)
  }

  @Test("a huge string and a 16k-key dictionary round-trip", .timeLimit(.minutes(1)))
  func largeValues() throws {
    try roundTrip(String(repeating: "acgt", count: 5_000_000))
    let keyed = Dictionary(uniqueKeysWithValues: (0..<16_384).map { ("key-\($0)", $0) })
    try roundTrip(keyed)
    try roundTrip(Dictionary(uniqueKeysWithValues: (0..<20_000).map { ($0, "\($0)") }))
  }

  @Test("nested, optional, enum and struct values round-trip", .timeLimit(.minutes(1)))
  func structured() throws {
    try roundTrip(["a": ["b": ["c": [1, 2]]], "d": [:]])
    try roundTrip(["x": "1", "": "empty key", "🧬": ""])
    try roundTrip(["a": 1.5, "b": -.infinity, "c": -0.0])
    try roundTrip(["yes": true, "no": false])
    try roundTrip(["point": Point(x: 1, y: 2)])
    try roundTrip([String: Int]())
    try roundTrip([Int.min: 1.5, Int.max: 2, 0: -.infinity, -7: 5])
    try roundTrip([Int: String](uniqueKeysWithValues: (-100..<100).map { ($0, "v\($0)") }))
    try roundTrip([3: [1: "x"], -4: [:]])
    try roundTrip([Int: Int]())
    // String keys that spell numbers read back as Int keys, as through the standard library's keyed container.
    #expect(throws: DecodingError.self) {
      try BinaryDecoder().decode([Int: Int].self, from: BinaryEncoder().encode(["12": 1, "x": 2]))
    }
    #expect(
      try BinaryDecoder().decode([Int: Int].self, from: BinaryEncoder().encode(["12": 1, "-3": 2])) == [12: 1, -3: 2])
    #expect(throws: DecodingError.self) {
      try BinaryDecoder().decode([Int: Int].self, from: BinaryEncoder().encode(["99999999999999999999": 1]))
    }
    #expect(throws: DecodingError.self) {
      try BinaryDecoder().decode([String: Int].self, from: BinaryEncoder().encode(["a": "not a number"]))
    }
    #expect(throws: DecodingError.self) {
      try BinaryDecoder().decode([String: UInt8].self, from: BinaryEncoder().encode(["a": 300]))
    }
    try roundTrip([Shape.circle(center: Point(x: 1, y: 2), radius: 3), .polygon([]), .empty])
    try roundTrip(Wide())
    try roundTrip([Point(x: 1, y: 2): "p", Point(x: .infinity, y: 0): "q"])  // non-String keys
    try roundTrip([1.5: true, -2: false])
    try roundTrip([Int8(-3): [UInt8](arrayLiteral: 1, 2)])
    try roundTrip([String?]([nil, "x", nil]))
    try roundTrip([[Point]]([[], [Point(x: 0, y: 0)]]))
  }

  @Test(
    "containers filled out of order, keys written twice and superEncoder still round-trip",
    .timeLimit(.minutes(1)))
  func unusualConformances() throws {
    try roundTrip(Interleaved(left: [1, 2, 3], right: ["a", "b", "c"]))
    try roundTrip([Interleaved(left: [], right: []), Interleaved(left: [7], right: ["x"])])
    try roundTrip(Overwriting(value: 42))
    try roundTrip([Overwriting(value: 1), Overwriting(value: 2)])
    let dog = try BinaryDecoder().decode(Dog.self, from: BinaryEncoder().encode(Dog(name: "Rex", tricks: ["sit"])))
    #expect(dog.name == "Rex" && dog.tricks == ["sit"])
  }

  @Test("a raw array decodes as another numeric array when every element fits", .timeLimit(.minutes(1)))
  func rawConversions() throws {
    let small = try BinaryEncoder().encode([1, 2, 255])
    #expect(try BinaryDecoder().decode([UInt8].self, from: small) == [1, 2, 255])
    #expect(try BinaryDecoder().decode([Double].self, from: small) == [1, 2, 255])
    #expect(throws: DecodingError.self) { try BinaryDecoder().decode([Int8].self, from: small) }
    #expect(throws: DecodingError.self) { try BinaryDecoder().decode([String].self, from: small) }
    #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int.self, from: small) }
  }

  @Test("corrupt bytes throw a DecodingError instead of crashing", .timeLimit(.minutes(1)))
  func corruptBytes() throws {
    var bools = try BinaryEncoder().encode([true, false])
    bools[bools.count - 1] = 7
    #expect(throws: DecodingError.self) { try BinaryDecoder().decode([Bool].self, from: bools) }
    let numbers = try BinaryEncoder().encode([1, 2, 3])
    for cut in 0..<numbers.count {
      #expect(throws: DecodingError.self) { try BinaryDecoder().decode([Int].self, from: Array(numbers[..<cut])) }
    }
    let object = try BinaryEncoder().encode(Wide())
    for cut in stride(from: 0, to: object.count, by: 7) {
      #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Wide.self, from: Array(object[..<cut])) }
    }
    #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int.self, from: [0xff]) }
    // A raw array claiming 2^60 elements: refused before any allocation.
    #expect(throws: DecodingError.self) {
      try BinaryDecoder().decode([Int].self, from: [9, 4, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10])
    }
    #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int.self, from: numbers + [0]) }
  }

  @Test("nesting deeper than the decoder's limit throws", .timeLimit(.minutes(1)))
  func deepNesting() throws {
    let encoded = try BinaryEncoder().encode(Nested.deep(600))
    #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Nested.self, from: encoded) }
    try roundTrip(Nested.deep(100))
  }
}
}

/// A recursive value: `deep(n)` nests n levels.
private indirect enum Nested: Codable, Equatable {
  case leaf
  case node(Nested)
  static func deep(_ levels: Int) -> Nested { (0..<levels).reduce(.leaf) { inner, _ in .node(inner) } }
}
