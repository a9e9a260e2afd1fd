/// Command-line options of `pool-bench`.
struct BenchOptions {
  var json = false
  var runs = 5
  // The streaming cases run early: case 11 times the workers' exit, which grows with the memory this process
  // has mapped (the Python side starts a fresh interpreter per case).
  var cases = [1, 2, 3] + StreamingCases.numbers + [4, 5, 6] + CodecCases.numbers
  var script = BenchOptions.defaultScript

  static let usage = "usage: pool-bench [--json] [--runs N] [--cases 1,2,3,4,5,6,8,9,10,11,12] [--script PATH]"

  /// benchmarks/pool/pool_bench.py next to this package's sources.
  static var defaultScript: String {
    let source = #filePath  // …/Sources/PoolBench/BenchOptions.swift
    var parts = source.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/benchmarks/pool/pool_bench.py"
  }

  struct UsageError: Error, CustomStringConvertible {
    let description: String
  }

  static func parse(_ arguments: [String]) throws -> BenchOptions {
    var options = BenchOptions()
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--json": options.json = true
      case "--runs":
        guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else {
          throw UsageError(description: "--runs needs a positive number")
        }
        options.runs = value
      case "--cases":
        let numbers = rest.popFirst()?.split(separator: ",").compactMap { Int($0) } ?? []
        let known = Array(1...6) + CodecCases.numbers + StreamingCases.numbers
        guard !numbers.isEmpty, numbers.allSatisfy({ known.contains($0) }) else {
          throw UsageError(description: "--cases needs numbers from 1 to 6, 8, 9 or 10 to 12, comma-separated")
        }
        options.cases = numbers
      case "--script":
        guard let path = rest.popFirst() else { throw UsageError(description: "--script needs a path") }
        options.script = path
      default: throw UsageError(description: "unknown argument \(argument)")
      }
    }
    return options
  }
}

/// Writes diagnostics to standard error.
enum FileHandleOutput {
  static func error(_ text: String) {
    let line = text + "\n"
    _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
  }
}

import Glibc
