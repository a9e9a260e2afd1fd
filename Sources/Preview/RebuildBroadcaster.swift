import Foundation
import Synchronization

/// What one rebuild of the preview ended with: its number and the errors that stopped pages from being built
/// (`file:line: error: …`), none when the build went through.
public struct RebuildOutcome: Sendable, Equatable, Codable {
  /// Counts rebuilds from 0 (the first build); a page served by build N reloads when it hears of a later one.
  public var generation: Int
  /// The errors of this build, each as `file:line: error: message`; empty when every page was built.
  public var errors: [String]

  /// An outcome of build `generation` with `errors`.
  public init(generation: Int, errors: [String]) {
    self.generation = generation
    self.errors = errors
  }

  /// The outcome as one Server-Sent Events message of type `event`.
  public func serverSentEvent(named event: String) -> String {
    let json = (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return "event: \(event)\ndata: \(json)\n\n"
  }
}

/// Hands each rebuild's outcome to every open live-reload stream (`/__lessons/events`), and remembers the last
/// one for pages that connect later.
public final class RebuildBroadcaster: Sendable {
  private struct State {
    var latest = RebuildOutcome(generation: 0, errors: [])
    var listeners: [UUID: AsyncStream<RebuildOutcome>.Continuation] = [:]
  }

  private let state = Mutex(State())

  /// A broadcaster at generation 0 without errors and without listeners.
  public init() {}

  /// The generation of the last build.
  public var generation: Int { state.withLock { $0.latest.generation } }

  /// The last outcome published.
  public var latest: RebuildOutcome { state.withLock { $0.latest } }

  /// How many streams are open.
  public var listenerCount: Int { state.withLock { $0.listeners.count } }

  /// Records a rebuild's `errors` as the next generation and sends it to every listener; returns the outcome.
  @discardableResult
  public func publish(errors: [String]) -> RebuildOutcome {
    let (outcome, listeners) = state.withLock { state in
      state.latest = RebuildOutcome(generation: state.latest.generation + 1, errors: errors)
      return (state.latest, Array(state.listeners.values))
    }
    for listener in listeners { listener.yield(outcome) }
    return outcome
  }

  /// Records the first build's `errors` (generation 0) without telling anyone: no page was served before it.
  public func setInitial(errors: [String]) {
    state.withLock { $0.latest = RebuildOutcome(generation: 0, errors: errors) }
  }

  /// A stream of the outcomes published from now on, with the latest one at the time of subscribing; the stream
  /// stops listening when the consumer drops it.
  public func subscribe() -> (latest: RebuildOutcome, updates: AsyncStream<RebuildOutcome>) {
    let id = UUID()
    let (stream, continuation) = AsyncStream<RebuildOutcome>.makeStream(bufferingPolicy: .bufferingNewest(8))
    let latest = state.withLock { state in
      state.listeners[id] = continuation
      return state.latest
    }
    continuation.onTermination = { [weak self] _ in self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) } }
    return (latest, stream)
  }
}
