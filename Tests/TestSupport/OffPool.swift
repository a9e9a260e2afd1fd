import Foundation

/// Runs blocking work (a build, a lesson program, a headless browser, a wait for a process) on a thread of its own
/// and awaits it, so that the test does not hold one of Swift's few cooperative threads meanwhile: on a 2-core
/// machine two such tests used to starve every other test (time limits exceeded, local servers never answering).
/// Shared by the test targets (a regular target only they depend on).
public enum OffPool {
  public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread { continuation.resume(with: Result { try work() }) }
      // 8 MiB, as the main thread has: the highlighter tests walk deeply nested hostile input in debug builds.
      thread.stackSize = 8 << 20
      thread.start()
    }
  }
}
