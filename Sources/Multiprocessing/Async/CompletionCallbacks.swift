import Synchronization

/// Python's `callback` and `error_callback` of one `applyAsync`: exactly one of them runs, once, before the
/// handle's `get`/`wait` return.
///
/// Whoever sees the outcome first delivers it: the pool thread that ran the task (`ThreadPool`), the thread
/// that drives a `ProcessPool` as the result arrives, or, for an outcome no task produced (a terminated pool),
/// the handle itself as it settles. The flag makes every later delivery a no-op.
final class CompletionCallbacks<Output>: @unchecked Sendable {
  // Invariant: the callbacks are called only by the one thread that flipped `delivered`; they are never mutated.
  private let delivered = Atomic<Bool>(false)
  private let callback: ((Output) -> Void)?
  private let errorCallback: ((PoolError) -> Void)?

  /// Nil when there is nothing to call.
  init?(callback: ((Output) -> Void)?, errorCallback: ((PoolError) -> Void)?) {
    guard callback != nil || errorCallback != nil else { return nil }
    self.callback = callback
    self.errorCallback = errorCallback
  }

  /// Calls the callback that fits `outcome`, unless an outcome was delivered already.
  func deliver(_ outcome: Result<Output, PoolError>) {
    guard !delivered.exchange(true, ordering: .acquiringAndReleasing) else { return }
    switch outcome {
    case .success(let value): callback?(value)
    case .failure(let error): errorCallback?(error)
    }
  }
}
