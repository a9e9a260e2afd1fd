import Glibc

/// Runs a blocking wait on a thread of its own, so that an awaiting task leaves its concurrency thread
/// free (the shared pool has one thread per CPU). Used by `ThreadPool`, whose batches are thread-safe.
enum BlockingBridge {
  /// `body`'s result, computed on a new detached thread (inline if no thread can be created).
  static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
      start { continuation.resume(returning: body()) }
    }
  }

  /// Runs `body` on a new detached thread (inline if no thread can be created).
  static func start(_ body: @escaping @Sendable () -> Void) {
    final class Box: Sendable {
      let body: @Sendable () -> Void
      init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(&thread, nil, { context in
      guard let context else { return nil }
      Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
      return nil
    }, context)
    if status == 0 {
      pthread_detach(thread)
    } else {
      Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
    }
  }
}
