import Glibc
import Multiprocessing

/// Cases 10-12, the streaming contract of `imap` (issue 9), timed against benchmarks/pool/pool_bench_streaming.py:
/// imap with chunksize 1, terminate() with 5M tasks pending, and a lazy 1M-item sequence through imap.
enum StreamingCases {
  static let numbers = [10, 11, 12]

  /// benchmarks/pool/pool_bench_streaming.py next to this package's sources.
  static var script: String {
    let source = #filePath  // …/Sources/PoolBench/StreamingCases.swift
    var parts = source.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/") + "/benchmarks/pool/pool_bench_streaming.py"
  }

  static func row(for number: Int, python: PythonSide.Figures, runs: Int) throws -> BenchRow {
    let py = BenchRow.median(python.seconds)
    switch number {
    case 10:
      let pool = try ProcessPool(workers: 2)
      let swift = try SwiftCases.median(runs) {
        var sum = 0
        for outcome in try pool.imap(0..<100_000, { $0 * $0 }) { sum &+= try outcome.get() }
        blackHole(sum)
      }
      let row = SwiftCases.ratioRow("10 imap 100,000 Ints, chunksize 1, 2 workers", py, swift)
      return BenchRow(
        name: row.name, pythonSeconds: py, swiftSeconds: swift,
        target: "ratio >= 5 (\(BenchRow.fixed(py * 10, 2)) vs \(BenchRow.fixed(swift * 10, 2)) µs/task)",
        met: row.met, extra: [("python_us_per_task", py * 10), ("swift_us_per_task", swift * 10)])
    case 11:
      var samples: [Double] = []
      for _ in 0...runs {
        let pool = try ProcessPool(workers: 2)
        var results = try pool.imap(0..<5_000_000) { $0 * $0 }
        _ = results.next()
        samples.append(try SwiftCases.time { pool.terminate() })
      }
      let swift = BenchRow.median(Array(samples.dropFirst()))
      return BenchRow(
        name: "11 terminate() with 5,000,000 tasks pending", pythonSeconds: py, swiftSeconds: swift,
        target: "ratio >= 1", met: swift <= py)
    default:
      let pool = try ProcessPool(workers: 2)
      var peaks: [Double] = []
      let swift = try SwiftCases.median(max(1, min(runs, 3))) {
        resetPeakMemory()
        let before = peakMemoryMiB()
        let items = sequence(state: 0) { (next: inout Int) -> Int? in
          guard next < 1_000_000 else { return nil }
          next += 1
          return next - 1
        }
        var sum = 0
        for outcome in try pool.imap(items, chunksize: 100, { $0 * $0 }) { sum &+= try outcome.get() }
        blackHole(sum)
        peaks.append(peakMemoryMiB() - before)
      }
      let swiftPeak = BenchRow.median(peaks)
      let pyPeak = BenchRow.median(python.extra["peak_mib"] ?? [])
      return BenchRow(
        name: "12 lazy 1,000,000-item sequence through imap", pythonSeconds: py, swiftSeconds: swift,
        target: "ratio >= 1, peak +\(BenchRow.fixed(swiftPeak, 1)) MiB (py +\(BenchRow.fixed(pyPeak, 1)))",
        met: swift <= py, extra: [("python_peak_mib", pyPeak), ("swift_peak_mib", swiftPeak)])
    }
  }

  /// Resets the kernel's peak-RSS mark of this process (Linux 4.0+), so that VmHWM measures from now.
  private static func resetPeakMemory() {
    let fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = write(fd, "5", 1)
    close(fd)
  }

  /// VmHWM of /proc/self/status in MiB.
  private static func peakMemoryMiB() -> Double {
    let fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 8192)
    let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard count > 0 else { return 0 }
    let text = String(decoding: bytes[0..<count], as: UTF8.self)
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    let kib = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
    return kib / 1024
  }
}
