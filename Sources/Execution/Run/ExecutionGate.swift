import Foundation

/// Lets lessons compile and run side by side, except `exclusive: true` lessons, which run alone: a lesson that
/// measures time (pool-size sweeps, speedups) would be distorted by another lesson's compiler or workers.
///
/// A readers–writer gate that prefers the exclusive side: once an exclusive lesson waits, no other lesson starts
/// until it has run, so it cannot be starved by a stream of ordinary lessons. One gate is shared by every lesson
/// of a build (it lives in `ExecutionOptions`, copied by reference).
public final class ExecutionGate: @unchecked Sendable {
  // Guarded by `condition`.
  private let condition = NSCondition()
  private var running = 0
  private var exclusiveRunning = false
  private var exclusiveWaiting = 0
  private var waiting = 0

  /// A gate with nothing running.
  public init() {}

  /// Runs `body` when the gate allows: alone when `exclusive`, else beside other non-exclusive work.
  public func run<Value, Failure: Error>(
    exclusive: Bool, _ body: () throws(Failure) -> Value
  ) throws(Failure) -> Value {
    enter(exclusive: exclusive)
    defer { leave(exclusive: exclusive) }
    return try body()
  }

  /// How many callers are waiting to enter (for tests that must see a caller blocked without sleeping).
  var waitingCount: Int {
    condition.lock()
    defer { condition.unlock() }
    return waiting
  }

  private func enter(exclusive: Bool) {
    condition.lock()
    defer { condition.unlock() }
    waiting += 1
    if exclusive {
      exclusiveWaiting += 1
      while running > 0 || exclusiveRunning { condition.wait() }
      exclusiveWaiting -= 1
      exclusiveRunning = true
    } else {
      while exclusiveRunning || exclusiveWaiting > 0 { condition.wait() }
      running += 1
    }
    waiting -= 1
  }

  private func leave(exclusive: Bool) {
    condition.lock()
    defer { condition.unlock() }
    if exclusive { exclusiveRunning = false } else { running -= 1 }
    condition.broadcast()
  }
}
