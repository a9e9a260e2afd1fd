import Multiprocessing
import Testing

extension AllPoolTests {
@Suite("Binary Codable coding")
struct BinaryCodingTests {
  struct Server: Codable, Equatable {
    var url: String
    var version: String?
    var timings: [Double]
    var flags: [String: Bool]
    var kind: Kind
    enum Kind: Codable, Equatable { case galaxy(major: Int), other }
  }

  @Test("values round-trip through BinaryEncoder and BinaryDecoder", .timeLimit(.minutes(1)))
  func roundTrip() throws {
    let value = Server(
      url: "https://usegalaxy.eu", version: nil, timings: [0.5, -1e300, .infinity], flags: ["up": true],
      kind: .galaxy(major: 24))
    let bytes = try BinaryEncoder().encode(value)
    #expect(try BinaryDecoder().decode(Server.self, from: bytes) == value)
    let optional: [String?] = ["23.1", nil]
    #expect(try BinaryDecoder().decode([String?].self, from: BinaryEncoder().encode(optional)) == optional)
    let numbers: [Int: UInt8] = [-5: 255, 7: 0]
    #expect(try BinaryDecoder().decode([Int: UInt8].self, from: BinaryEncoder().encode(numbers)) == numbers)
  }

  @Test("truncated or mistyped bytes throw instead of crashing", .timeLimit(.minutes(1)))
  func badBytes() throws {
    let bytes = try BinaryEncoder().encode(["a", "b"])
    #expect(throws: DecodingError.self) { try BinaryDecoder().decode([String].self, from: Array(bytes.dropLast())) }
    #expect(throws: DecodingError.self) { try BinaryDecoder().decode([Int].self, from: bytes) }
    #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int8.self, from: BinaryEncoder().encode(300)) }
  }
}
}
