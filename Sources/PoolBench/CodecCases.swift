import Multiprocessing

/// Cases 8 and 9: a large or keyed result coming back from a worker process, against a fork `Pool`'s
/// pickle + pipe (benchmarks/pool/codec_bench.py). Both sides build the result in the worker and time one
/// `apply` from submission to the decoded value in the parent.
enum CodecCases {
  static let numbers = [8, 9]
  static let bytes = 50_000_000
  static let keys = 16_384

  /// benchmarks/pool/codec_bench.py, beside the main script.
  static func script(beside main: String) -> String {
    var parts = main.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast()
    return (parts + ["codec_bench.py"]).joined(separator: "/")
  }

  static func row(for number: Int, python: PythonSide.Figures, runs: Int) throws -> BenchRow {
    let py = BenchRow.median(python.seconds)
    let pool = try ProcessPool(workers: 2)
    defer { pool.join() }
    if number == 8 {
      let swift = try SwiftCases.median(runs) {
        let result = try pool.apply { [UInt8](repeating: 0, count: bytes) }
        guard result.count == bytes else { throw BenchFailure(description: "short result: \(result.count)") }
      }
      return notSlowerRow("8 50 MB [UInt8] result from a worker", py, swift)
    }
    let swift = try SwiftCases.median(runs) {
      let result = try pool.apply {
        Dictionary(uniqueKeysWithValues: (0..<keys).map { ("key-\($0)", $0) })
      }
      guard result.count == keys else { throw BenchFailure(description: "short result: \(result.count)") }
    }
    return notSlowerRow("9 16k-key [String: Int] result from a worker", py, swift)
  }

  private static func notSlowerRow(_ name: String, _ python: Double, _ swift: Double) -> BenchRow {
    BenchRow(name: name, pythonSeconds: python, swiftSeconds: swift, target: "ratio >= 1", met: swift <= python)
  }
}

struct BenchFailure: Error, CustomStringConvertible {
  let description: String
}
