import Glibc
import Multiprocessing
import Testing

/// What one pass of checks over lazy results saw, filled in on the bounded helper thread.
private final class Seen: @unchecked Sendable {  // written by the helper thread before it signals its end
  var first: [Int] = []
  var second: [Int] = []
  var afterBreak: Int?
  var rest: [Int] = []
  var copyAfterEnd: Int?
}

/// Iterates `make`'s results twice, through copies, and after a `break`; records what each pass saw.
private func passes(_ make: @escaping (Bool) throws -> PoolResults<Int>) -> Seen? {
  let seen = Seen()
  let ended = finishes(within: .seconds(30)) {
    for ordered in [true, false] {
      guard let results = try? make(ordered) else { return }
      let first = Array(results).compactMap { try? $0.get() }
      var second: [Int] = []
      for outcome in results { second.append((try? outcome.get()) ?? -1) }
      var copy = results
      let copyAfterEnd = copy.next().map { (try? $0.get()) ?? -1 }
      guard var broken = try? make(ordered) else { return }
      var firstOfBroken: Int?
      for outcome in broken {
        firstOfBroken = try? outcome.get()
        break
      }
      let afterBreak = broken.next().flatMap { try? $0.get() }
      let rest = broken.compactMap { try? $0.get() }
      if ordered {
        seen.first = first
        seen.second = second
        seen.copyAfterEnd = copyAfterEnd
        seen.afterBreak = afterBreak
        seen.rest = rest
      } else {
        seen.first += first.sorted()
        seen.rest += ([firstOfBroken, afterBreak].compactMap { $0 } + rest).sorted()
      }
    }
  }
  return ended ? seen : nil
}

extension AllPoolTests {
@Suite("Lazy results (PoolResults)")
struct LazyResultsTests {
  @Test("ProcessPool: copies of imap results share one position; a second pass ends, never waits",
    .timeLimit(.minutes(1)))
  func processCopies() throws {
    let pool = try ProcessPool(workers: 2, whenThreaded: .fork)
    let seen = try #require(passes { ordered in
      ordered ? try pool.imap(0..<10) { $0 * 2 } : try pool.imapUnordered(0..<10) { $0 * 2 }
    })
    check(seen)
  }

  @Test("ThreadPool: copies of imap results share one position; a second pass ends, never waits",
    .timeLimit(.minutes(1)))
  func threadCopies() throws {
    let pool = try ThreadPool(workers: 2)
    defer { pool.join() }
    let seen = try #require(passes { ordered in
      ordered ? try pool.imap(0..<10) { $0 * 2 } : try pool.imapUnordered(0..<10) { $0 * 2 }
    })
    check(seen)
  }

  private func check(_ seen: Seen) {
    let doubled = (0..<10).map { $0 * 2 }
    #expect(seen.first == doubled + doubled)  // ordered pass, then the unordered one sorted
    #expect(seen.second.isEmpty)
    #expect(seen.copyAfterEnd == nil)
    // After `break`, the next element is the one after the first: the position is shared, as Python's.
    #expect(seen.afterBreak == 2)
    #expect(seen.rest.count == 8 + 10)
    #expect(Array(seen.rest.prefix(8)) == Array(doubled.dropFirst(2)))
    #expect(Array(seen.rest.dropFirst(8)) == doubled)
  }
}
}
