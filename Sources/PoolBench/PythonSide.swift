import Glibc

/// Runs benchmarks/pool/pool_bench.py for one case and reads its JSON line back.
enum PythonSide {
  /// The Python figures of one case: per-run seconds plus case-specific extra series.
  struct Figures {
    var seconds: [Double]
    var extra: [String: [Double]]
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  static func run(script: String, case number: Int, runs: Int) throws -> Figures {
    let command = "python3 '\(script)' --runs \(runs) --cases \(number)"
    guard let pipe = popen(command, "r") else { throw Failure(description: "cannot run \(command)") }
    var output = ""
    var buffer = [CChar](repeating: 0, count: 4096)
    while fgets(&buffer, Int32(buffer.count), pipe) != nil {
      output += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    let status = pclose(pipe)
    guard status == 0, let line = output.split(separator: "\n").last else {
      throw Failure(description: "\(command) failed (status \(status)): \(output)")
    }
    return try parse(String(line))
  }

  /// Reads `{"case": 1, "seconds": [..], "serial": [..], "iterations": 5}`: numbers and arrays of numbers.
  static func parse(_ line: String) throws -> Figures {
    var figures = Figures(seconds: [], extra: [:])
    var rest = Substring(line)
    while let quote = rest.firstIndex(of: "\"") {
      let afterQuote = rest.index(after: quote)
      guard let close = rest[afterQuote...].firstIndex(of: "\""),
        let colon = rest[close...].firstIndex(of: ":")
      else { break }
      let key = String(rest[afterQuote..<close])
      var value = rest[rest.index(after: colon)...].drop { $0 == " " }
      var numbers: [Double] = []
      if value.first == "[" {
        guard let end = value.firstIndex(of: "]") else { throw Failure(description: "bad JSON: \(line)") }
        numbers = value[value.index(after: value.startIndex)..<end].split(separator: ",").compactMap {
          Double($0.filter { $0 != " " })
        }
        value = value[end...]
      } else {
        let end = value.firstIndex { $0 == "," || $0 == "}" } ?? value.endIndex
        if let number = Double(value[..<end].filter { $0 != " " }) { numbers = [number] }
        value = value[end...]
      }
      if key == "seconds" { figures.seconds = numbers } else { figures.extra[key] = numbers }
      rest = value
    }
    guard !figures.seconds.isEmpty else { throw Failure(description: "no seconds in \(line)") }
    return figures
  }
}

