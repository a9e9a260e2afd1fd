import Glibc
@testable import Multiprocessing
import Testing

// Inputs with more items than memory holds, or than `Int` counts: the chunk arithmetic saturates, a `map`
// (which keeps every result) refuses them with `PoolError.invalidArgument` before anything runs or is copied,
// and an `imap` streams them. None of these tests materialises a huge array: a wrong answer traps or fails fast.

/// The first `count` values of lazy results, each waited for at most 30 s.
private func firstValues<Output>(_ results: PoolResults<Output>, _ count: Int) throws -> [Output] {
  var results = results
  var values: [Output] = []
  while values.count < count, let next = try results.next(timeout: .seconds(30)) { values.append(try next.get()) }
  return values
}

/// True for the error a `map` throws for an input longer than its results can be held.
private func isTooLongForMap(_ error: PoolError?) -> Bool {
  guard case .invalidArgument(let name, let value, _) = error else { return false }
  return name == "map input length" && value > PoolSizing.mapLimit(of: Int.self) / 2
}

/// True when `attempt` throws the error of an input too long for `map`.
private func refusedAsTooLong(_ attempt: () throws -> Void) -> Bool {
  do {
    try attempt()
    return false
  } catch {
    return isTooLongForMap(error as? PoolError)
  }
}

/// `imap`/`imapUnordered` of the identity, through either pool.
private protocol IdentityImap {
  func identity(_ items: some Sequence<Int>, chunksize: Int, ordered: Bool) throws -> PoolResults<Int>
  func terminate()
}

extension ThreadPool: IdentityImap {
  func identity(_ items: some Sequence<Int>, chunksize: Int, ordered: Bool) throws -> PoolResults<Int> {
    ordered ? try imap(items, chunksize: chunksize) { $0 } : try imapUnordered(items, chunksize: chunksize) { $0 }
  }
}

extension ProcessPool: IdentityImap {
  func identity(_ items: some Sequence<Int>, chunksize: Int, ordered: Bool) throws -> PoolResults<Int> {
    ordered ? try imap(items, chunksize: chunksize) { $0 } : try imapUnordered(items, chunksize: chunksize) { $0 }
  }
}

extension AllPoolTests {
@Suite("Huge inputs")
struct HugeInputTests {
  @Test("Python's default chunksize, ceil(count / (4 × workers)), for any count and pool size")
  func defaultChunksize() {
    #expect(PoolSizing.defaultChunksize(count: 100, workers: 4) == 7)
    #expect(PoolSizing.defaultChunksize(count: 0, workers: 4) == 1)
    #expect(PoolSizing.defaultChunksize(count: Int.max, workers: 4) == Int.max / 16 + 1)
    #expect(PoolSizing.defaultChunksize(count: Int.max, workers: 1) == Int.max / 4 + 1)
    #expect(PoolSizing.defaultChunksize(count: Int.max - 2, workers: 2) == (Int.max - 2) / 8 + 1)
    #expect(PoolSizing.defaultChunksize(count: Int.max, workers: Int.max) == 1)  // 4 × Int.max workers
    #expect(PoolSizing.defaultChunksize(count: -5, workers: 2) == 1)
  }

  @Test("ranges that count past Int.max are recognised without asking for their count")
  func rangesPastIntMax() {
    #expect(InputLength.countsPastIntMax(0...Int.max))
    #expect(InputLength.countsPastIntMax(Int.min..<Int.max))
    #expect(InputLength.countsPastIntMax(Int.min...0))
    #expect(InputLength.countsPastIntMax(0..<UInt.max))
    #expect(InputLength.countsPastIntMax((Int.min..<0).lazy))  // 2^63 items
    #expect(!InputLength.countsPastIntMax((Int.min + 1..<0).lazy))  // Int.max items
    #expect(InputLength.countsPastIntMax((-1...Int.max).lazy))
    #expect(!InputLength.countsPastIntMax(0..<Int.max))
    #expect(!InputLength.countsPastIntMax(1...Int.max))
    #expect(!InputLength.countsPastIntMax(UInt8(0)...UInt8.max))
    #expect(!InputLength.countsPastIntMax([1, 2, 3]))
  }

  @Test("an imap's chunk never exceeds 2^20 tasks, whatever the input's length; a map's fits its input")
  func fittedChunks() {
    #expect(PoolSizing.fittedWindowed(Int.max, count: Int.max) == PoolSizing.largestStreamedChunk)
    #expect(PoolSizing.fittedWindowed(Int.max, count: nil) == PoolSizing.largestStreamedChunk)
    #expect(PoolSizing.fittedWindowed(Int.max, count: 10) == 10)
    #expect(PoolSizing.fittedWindowed(7, count: Int.max) == 7)
    #expect(PoolSizing.fitted(Int.max, count: 1 << 40) == 1 << 40)
  }

  @Test("ThreadPool: map, mapAsync and starmap refuse inputs whose results cannot be held",
    .timeLimit(.minutes(1)))
  func threadPoolMapRefuses() throws {
    let pool = try ThreadPool(workers: 2)
    defer { pool.join() }
    let attempts: KeyValuePairs<String, () throws -> Void> = [
      "map 0..<Int.max": { _ = try pool.map(0..<Int.max) { $0 } },
      "map (0..<Int.max).lazy": { _ = try pool.map((0..<Int.max).lazy) { $0 } },
      "map 0...Int.max": { _ = try pool.map(0...Int.max) { $0 } },
      "map Int.min..<Int.max": { _ = try pool.map(Int.min..<Int.max) { $0 } },
      "starmap zip": { _ = try pool.starmap(zip(0..<Int.max, 0..<Int.max)) { $0 + $1 } },
      "mapAsync with callbacks": { _ = try pool.mapAsync(0..<Int.max, callback: { _ in }) { $0 } },
    ]
    for (name, attempt) in attempts { #expect(refusedAsTooLong(attempt), "\(name)") }
    // The pool is unharmed.
    #expect(try pool.map(0..<10) { $0 * $0 } == (0..<10).map { $0 * $0 })
  }

  @Test("the awaited map of both pools refuses them too", .timeLimit(.minutes(1)))
  func awaitedMapRefuses() async throws {
    let threads = try ThreadPool(workers: 2)
    defer { threads.join() }
    let error = await #expect(throws: PoolError.self) { try await threads.map(0..<Int.max) { $0 } }
    #expect(isTooLongForMap(error))
    let processes = try processPool(2)
    defer { processes.join() }
    let processError = await #expect(throws: PoolError.self) { try await processes.map(0...Int.max) { $0 } }
    #expect(isTooLongForMap(processError))
  }

  @Test("ProcessPool: map, mapAsync and starmap refuse inputs whose results cannot be held, before forking",
    .timeLimit(.minutes(1)))
  func processPoolMapRefuses() throws {
    let pool = try processPool(2)
    defer { pool.join() }
    let attempts: KeyValuePairs<String, () throws -> Void> = [
      "map 0..<Int.max": { _ = try pool.map(0..<Int.max) { $0 } },
      "map (0..<Int.max).lazy": { _ = try pool.map((0..<Int.max).lazy) { $0 } },
      "map 0...Int.max": { _ = try pool.map(0...Int.max) { $0 } },
      "starmap zip": { _ = try pool.starmap(zip(0..<Int.max, 0..<Int.max)) { $0 + $1 } },
      "mapAsync chunksize 1": { _ = try pool.mapAsync(0..<Int.max, chunksize: 1) { $0 } },
      "starmapAsync zip": { _ = try pool.starmapAsync(zip(0..<Int.max, 0..<Int.max)) { $0 - $1 } },
    ]
    for (name, attempt) in attempts { #expect(refusedAsTooLong(attempt), "\(name)") }
    #expect(try pool.map(0..<10) { $0 * $0 } == (0..<10).map { $0 * $0 })
  }

  @Test("imap over 0..<Int.max and longer ranges streams the first results, any chunksize, both pools",
    .timeLimit(.minutes(1)), arguments: [false, true])
  func imapHuge(processes: Bool) throws {
    let pool: any IdentityImap = processes ? try processPool(1) : try ThreadPool(workers: 1)
    defer { pool.terminate() }
    #expect(try firstValues(pool.identity(0..<Int.max, chunksize: 1, ordered: true), 5) == [0, 1, 2, 3, 4])
    #expect(try firstValues(pool.identity(0..<Int.max, chunksize: Int.max, ordered: true), 3) == [0, 1, 2])
    #expect(try firstValues(pool.identity((0..<Int.max).lazy, chunksize: Int.max / 2 + 1, ordered: true), 3)
      == [0, 1, 2])
    #expect(try firstValues(pool.identity(0...Int.max, chunksize: 3, ordered: true), 4) == [0, 1, 2, 3])
    #expect(try firstValues(pool.identity(Int.min..<Int.max, chunksize: 1, ordered: true), 2)
      == [Int.min, Int.min + 1])
    let unordered = try firstValues(pool.identity(0..<Int.max, chunksize: Int.max, ordered: false), 3)
    #expect(unordered.count == 3 && Set(unordered).count == 3)
  }
}
}
