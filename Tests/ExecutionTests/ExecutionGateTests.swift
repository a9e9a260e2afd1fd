import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Execution

/// The gate that makes `exclusive: true` lessons run alone; every wait is bounded, nothing sleeps to synchronise.
@Suite("Execution gate")
struct ExecutionGateTests {
  /// Waits until `condition` holds, at most 30 s.
  static func eventually(_ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(30)
    while !condition() {
      if Date() > deadline { return false }
      usleep(1000)
    }
    return true
  }

  /// Starts `body` on a thread of its own; the semaphore is signalled when it returns.
  static func start(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    Thread {
      body()
      done.signal()
    }.start()
    return done
  }

  @Test("no lesson enters while an exclusive one runs; it enters once that one is done", .timeLimit(.minutes(1)))
  func exclusiveRunsAlone() {
    let gate = ExecutionGate()
    let release = DispatchSemaphore(value: 0)
    let inside = Atomic<Int>(0)
    let exclusive = Self.start {
      gate.run(exclusive: true) {
        _ = inside.add(1, ordering: .relaxed)
        release.wait()
      }
    }
    #expect(Self.eventually { inside.load(ordering: .relaxed) == 1 })
    let other = Self.start { gate.run(exclusive: false) { _ = inside.add(10, ordering: .relaxed) } }
    #expect(Self.eventually { gate.waitingCount == 1 })
    #expect(inside.load(ordering: .relaxed) == 1, "a lesson entered beside the exclusive one")
    release.signal()
    #expect(exclusive.wait(timeout: .now() + 30) == .success)
    #expect(other.wait(timeout: .now() + 30) == .success)
    #expect(inside.load(ordering: .relaxed) == 11)
  }

  @Test(
    "an exclusive lesson waits for running ones, and lessons arriving meanwhile wait for it", .timeLimit(.minutes(1)))
  func exclusiveIsNotStarved() {
    let gate = ExecutionGate()
    let release = DispatchSemaphore(value: 0)
    let order = Mutex<[String]>([])
    let first = Self.start {
      gate.run(exclusive: false) {
        order.withLock { $0.append("first") }
        release.wait()
      }
    }
    #expect(Self.eventually { order.withLock { $0.count } == 1 })
    let exclusive = Self.start { gate.run(exclusive: true) { order.withLock { $0.append("exclusive") } } }
    #expect(Self.eventually { gate.waitingCount == 1 })
    let late = Self.start { gate.run(exclusive: false) { order.withLock { $0.append("late") } } }
    #expect(Self.eventually { gate.waitingCount == 2 })
    #expect(order.withLock { $0 } == ["first"])
    release.signal()
    for done in [first, exclusive, late] { #expect(done.wait(timeout: .now() + 30) == .success) }
    #expect(order.withLock { $0 } == ["first", "exclusive", "late"])
  }

  @Test("ordinary lessons share the gate")
  func ordinaryShare() {
    let gate = ExecutionGate()
    let outer = gate.run(exclusive: false) {
      let second = Self.start { gate.run(exclusive: false) {} }
      return second.wait(timeout: .now() + 30)
    }
    #expect(outer == .success)
  }
}
