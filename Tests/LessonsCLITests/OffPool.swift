import Foundation

/// Runs blocking work (a build, a headless browser) on a thread of its own and awaits it, so that the test does
/// not hold one of Swift's few cooperative threads meanwhile: on a 2-core machine two such tests used to starve
/// every other test (time limits exceeded, local echo servers never answering).
enum OffPool {
  static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread { continuation.resume(with: Result { try work() }) }
      thread.stackSize = 1 << 22
      thread.start()
    }
  }
}
