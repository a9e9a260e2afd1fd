import Foundation
import Synchronization
import Testing

@testable import Site

/// The build lets go of its large structures on another thread: their memory must be freed there, not by the caller.
@Suite("Releasing on another thread")
struct ReleaseElsewhereTests {
  /// Where and whether a `Watched` was freed.
  final class Record: Sendable {
    let thread = Mutex<pthread_t?>(nil)
    let released = DispatchSemaphore(value: 0)
  }

  /// Notes the thread its last reference is released on.
  final class Watched: Sendable {
    let record: Record

    init(_ record: Record) { self.record = record }

    deinit {
      record.thread.withLock { $0 = pthread_self() }
      record.released.signal()
    }
  }

  @Test("a value handed over is freed on another thread, and only once it is handed over")
  func freedElsewhere() throws {
    let record = Record()
    var watched: Watched? = Watched(record)
    let values = [watched, watched]
    watched = nil
    #expect(record.released.wait(timeout: .now()) == .timedOut)
    releaseElsewhere(consume values)
    // Bounded: a value never freed fails the test instead of hanging it.
    #expect(record.released.wait(timeout: .now() + 30) == .success)
    let thread = try #require(record.thread.withLock { $0 })
    #expect(pthread_equal(thread, pthread_self()) == 0)
  }
}
