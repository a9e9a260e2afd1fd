// pool-bench: Python's multiprocessing Pool/ThreadPool against this package's pools, case by case.
// Run in release: `swift build -c release --product pool-bench && .build/release/pool-bench [--json]`.
import Glibc

let options: BenchOptions
do {
  options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
  FileHandleOutput.error("pool-bench: \(error)\n\(BenchOptions.usage)")
  exit(2)
}

var rows: [BenchRow] = []
if !options.json { print(BenchRow.tableHeader) }
for number in options.cases {
  do {
    let row: BenchRow
    if CodecCases.numbers.contains(number) {
      let script = CodecCases.script(beside: options.script)
      let python = try PythonSide.run(script: script, case: number, runs: options.runs)
      row = try CodecCases.row(for: number, python: python, runs: options.runs)
    } else if StreamingCases.numbers.contains(number) {
      let python = try PythonSide.run(script: StreamingCases.script, case: number, runs: options.runs)
      row = try StreamingCases.row(for: number, python: python, runs: options.runs)
    } else {
      let python = try PythonSide.run(script: options.script, case: number, runs: options.runs)
      row = try SwiftCases.row(for: number, python: python, runs: options.runs)
    }
    rows.append(row)
    print(options.json ? row.json : row.tableLine)
  } catch {
    FileHandleOutput.error("pool-bench: case \(number): \(error)")
    exit(1)
  }
}
if !options.json {
  let failed = rows.filter { !$0.met }
  print(failed.isEmpty ? "all targets met" : "targets missed: \(failed.map(\.name).joined(separator: ", "))")
}
