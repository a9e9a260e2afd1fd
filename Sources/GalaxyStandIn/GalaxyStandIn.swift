/// Local HTTP servers that answer as Galaxy servers do, so that lessons which talk to Galaxy build offline.
///
/// PLACEHOLDER: implemented by the HTTP work.
public final class GalaxyStandIns: Sendable {
  /// One server to stand in for.
  public struct Server: Sendable, Hashable {
    public var url: String
    public var version: String
    /// Seconds before the answer.
    public var latency: Double
    public init(url: String, version: String, latency: Double) {
      self.url = url
      self.version = version
      self.latency = latency
    }
  }

  public init(servers: [Server]) {}

  /// Starts one server per entry on 127.0.0.1; returns the real URL → local URL mapping, in the form lesson
  /// programs read from the environment variable `LESSONS_URL_MAP` (see HTTP's URL mapping).
  public func start() throws -> [String: String] { [:] }

  /// Stops the servers; safe to call twice.
  public func stop() {}
}
