import Glibc
import Multiprocessing
import Testing

extension AllPoolTests {
/// CPython's `IMapIterator.next(timeout)`: waiting for the next result of an `imap` gives up after the timeout
/// with `TimeoutError` (here `PoolError.notReady`), and the late result is handed out by a later `next`.
@Suite("imap next(timeout:)")
struct ImapTimeoutTests {
  @Test("ProcessPool: next(timeout:) gives up on a late result, and a later next hands it out",
    .timeLimit(.minutes(1)), arguments: [true, false])
  func processPool(ordered: Bool) throws {
    let gate = try PipeGate()
    let pool = try ProcessPool(workers: 2, whenThreaded: .fork)
    defer { pool.join() }
    let body = { (index: Int) -> Int in
      gate.pass()
      return index * index
    }
    var results = ordered ? try pool.imap(0..<5, body) : try pool.imapUnordered(0..<5, body)
    try expectLateThenAll(&results, ordered: ordered, gate: gate)
  }

  @Test("ThreadPool: next(timeout:) gives up on a late result, and a later next hands it out",
    .timeLimit(.minutes(1)), arguments: [true, false])
  func threadPool(ordered: Bool) throws {
    let gate = try PipeGate()
    let pool = try ThreadPool(workers: 2)
    defer { pool.join() }
    let body = { @Sendable (index: Int) -> Int in
      gate.pass()
      return index * index
    }
    var results = ordered ? try pool.imap(0..<5, body) : try pool.imapUnordered(0..<5, body)
    try expectLateThenAll(&results, ordered: ordered, gate: gate)
  }

  private func expectLateThenAll(_ results: inout PoolResults<Int>, ordered: Bool, gate: PipeGate) throws {
    // Every task waits for the gate: no result can be there, however long the machine takes.
    #expect(throws: PoolError.notReady(waited: .milliseconds(50))) { try results.next(timeout: .milliseconds(50)) }
    #expect(throws: PoolError.notReady(waited: .zero)) { try results.next(timeout: .zero) }
    gate.open()
    var values: [Int] = []
    while let outcome = try results.next(timeout: .seconds(30)) { values.append(try outcome.get()) }
    #expect((ordered ? values : values.sorted()) == [0, 1, 4, 9, 16])
    // After the last result: the end, at once, however short the timeout.
    #expect(try results.next(timeout: .zero) == nil)
    #expect(results.next() == nil)
  }
}
}
