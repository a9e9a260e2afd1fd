/// `starmap` for argument tuples of any length, as `ProcessPool` has.
extension ThreadPool {
  /// `map` for items that are argument tuples of any length:
  /// `pool.starmap([(1, "a", 2.0)]) { n, s, x in "\(s)\(Double(n) * x)" }`.
  @available(*, noasync, message: "use `try await pool.starmap(…)`, which does not block a concurrency thread")
  public func starmap<each Argument: Sendable, Output: Sendable>(
    _ items: some Sequence<(repeat each Argument)>, chunksize: Int? = nil,
    _ body: @escaping @Sendable (repeat each Argument) throws -> Output
  ) throws(PoolError) -> [Output] {
    try map(items, chunksize: chunksize) { arguments in try body(repeat each arguments) }
  }
}
