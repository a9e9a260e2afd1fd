/// Waiting for a pool from async code without losing the task's cancellation.
///
/// A `ProcessPool`'s workers are driven by the thread that waits for them, and forking needs a process
/// without other busy threads, so its waits stay on the awaiting task's thread. They wait in short slices
/// (the pipes are polled, results are taken the moment they arrive) and look at `Task.isCancelled` between
/// slices: a cancelled task stops its batch within about `slice`.
enum CancellableWait {
  static let slice = Duration.milliseconds(20)

  /// Calls `attempt` with successive deadlines until it returns a value; on cancellation calls `cancel`
  /// and throws `CancellationError`.
  static func poll<T>(
    cancel: () -> Void, _ attempt: (ContinuousClock.Instant) throws -> T?
  ) throws -> T {
    while true {
      if Task.isCancelled {
        cancel()
        throw CancellationError()
      }
      if let value = try attempt(.now + slice) { return value }
    }
  }
}
