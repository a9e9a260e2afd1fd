import Glibc
import Multiprocessing

/// The Swift side of each case, timed the same way as the Python script times its side.
enum SwiftCases {
  static func row(for number: Int, python: PythonSide.Figures, runs: Int) throws -> BenchRow {
    let py = BenchRow.median(python.seconds)
    switch number {
    case 1:
      let swift = try median(runs) {
        _ = try withProcessPool(5) { pool in try pool.map(0..<10) { $0 * $0 } }
      }
      return ratioRow("1 Pool(5).map(x*x, 0..<10) incl. start+stop", py, swift)
    case 2:
      let pool = try ProcessPool(workers: 2)
      let swift = try median(runs) { _ = try pool.map(0..<1_000_000) { $0 * $0 } }
      return ratioRow("2 map 1,000,000 Ints, 2 workers", py, swift)
    case 3:
      let pool = try ProcessPool(workers: 2)
      let swift = try median(runs) { _ = try pool.map(0..<100_000, chunksize: 1) { $0 * $0 } }
      var row = ratioRow("3 100,000 Ints, chunksize 1, 2 workers", py, swift)
      row.extra = [("python_us_per_task", py * 10), ("swift_us_per_task", swift * 10)]
      return BenchRow(
        name: row.name, pythonSeconds: py, swiftSeconds: swift,
        target: "ratio >= 5 (\(BenchRow.fixed(py * 10, 2)) vs \(BenchRow.fixed(swift * 10, 2)) µs/task)",
        met: row.met, extra: row.extra)
    case 4:
      return try cpuRow(python: python, runs: runs)
    case 5:
      let pool = try ProcessPool(workers: 4)
      let swift = try median(max(1, min(runs, 3))) {
        _ = try pool.map(0..<12) { _ -> Int in
          sleepOneSecond()
          return 0
        }
      }
      let pyOverhead = (py - 3) * 1000
      let swiftOverhead = (swift - 3) * 1000
      return BenchRow(
        name: "5 12 x sleep(1 s) on 4 workers", pythonSeconds: py, swiftSeconds: swift,
        target: "overhead \(BenchRow.fixed(swiftOverhead, 1)) ms (py \(BenchRow.fixed(pyOverhead, 1))) <= 10 ms",
        met: swiftOverhead <= 10,
        extra: [("python_overhead_ms", pyOverhead), ("swift_overhead_ms", swiftOverhead)])
    default:
      let pool = try ThreadPool(workers: 2)
      defer { pool.join() }
      let swift = try median(runs) { _ = try pool.map(0..<1_000_000) { $0 * $0 } }
      return ratioRow("6 ThreadPool(2).map 1,000,000 Ints", py, swift)
    }
  }

  /// Case 4: 8 tasks of ~0.1 s of arithmetic; the target is the speedup over serial, for both pools.
  private static func cpuRow(python: PythonSide.Figures, runs: Int) throws -> BenchRow {
    let iterations = calibrate()
    let inputs = Array(repeating: iterations, count: 8)
    var serial: [Double] = []
    var processes: [Double] = []
    var threads: [Double] = []
    // The ProcessPool forks, so the ThreadPool's threads may only exist between its runs (it refuses to fork
    // a multi-threaded process): each thread run gets a fresh pool, joined before the next fork.
    let processPool = try ProcessPool(workers: 2)
    for _ in 0..<runs {
      serial.append(try time { for n in inputs { blackHole(spin(n)) } })
      processes.append(try time { _ = try processPool.map(inputs) { spin($0) } })
      let threadPool = try ThreadPool(workers: 2)
      threads.append(try time { _ = try threadPool.map(inputs) { spin($0) } })
      threadPool.join()
    }
    let swiftSerial = BenchRow.median(serial)
    let swiftProcess = swiftSerial / BenchRow.median(processes)
    let swiftThread = swiftSerial / BenchRow.median(threads)
    let pySerial = BenchRow.median(python.extra["serial"] ?? [])
    let pyProcess = pySerial / BenchRow.median(python.seconds)
    let pyThread = pySerial / BenchRow.median(python.extra["threads"] ?? [])
    return BenchRow(
      name: "4 CPU 8 x 0.1 s on 2 workers (speedup)", pythonSeconds: BenchRow.median(python.seconds),
      swiftSeconds: BenchRow.median(processes),
      target: "speedup Process \(BenchRow.fixed(swiftProcess, 2)) Thread \(BenchRow.fixed(swiftThread, 2)) "
        + "(py Pool \(BenchRow.fixed(pyProcess, 2)) ThreadPool \(BenchRow.fixed(pyThread, 2))) >= 1.85",
      met: swiftProcess >= 1.85 && swiftThread >= 1.85,
      extra: [
        ("python_speedup", pyProcess), ("python_thread_speedup", pyThread), ("swift_speedup", swiftProcess),
        ("swift_thread_speedup", swiftThread), ("swift_serial_s", swiftSerial),
      ])
  }

  static func ratioRow(_ name: String, _ python: Double, _ swift: Double) -> BenchRow {
    BenchRow(
      name: name, pythonSeconds: python, swiftSeconds: swift, target: "ratio >= 5",
      met: swift > 0 && python / swift >= 5)
  }

  static func median(_ runs: Int, _ body: () throws -> Void) throws -> Double {
    try body()  // warm-up: page in code and allocator arenas, as Python's import does for its side
    var samples: [Double] = []
    for _ in 0..<runs { samples.append(try time(body)) }
    return BenchRow.median(samples)
  }

  static func time(_ body: () throws -> Void) throws -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = start.duration(to: .now).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
  }

  /// Iterations of `spin` that take about 0.1 s on this machine.
  private static func calibrate() -> Int {
    let probe = 20_000_000
    let seconds = (try? time { blackHole(spin(probe)) }) ?? 0.1
    return max(1, Int(Double(probe) * 0.1 / max(seconds, 1e-6)))
  }
}

/// The same linear congruential loop as the Python script's `spin`.
@inline(never)
func spin(_ iterations: Int) -> Int {
  var x: UInt32 = 1
  for _ in 0..<iterations { x = x &* 1_103_515_245 &+ 12345 }
  return Int(x)
}

/// Keeps a computed value alive so the optimizer cannot drop the computation.
@inline(never)
func blackHole(_ value: Int) {
  if value == -1 { print("") }
}

/// `time.sleep(1)`: nanosleep, resumed after a signal.
func sleepOneSecond() {
  var request = timespec(tv_sec: 1, tv_nsec: 0)
  var remaining = timespec()
  while nanosleep(&request, &remaining) != 0 { request = remaining }
}
