import SystemCalls

/// What the builder does to itself, once, before it runs the first lesson program.
///
/// It becomes the child subreaper of everything it starts (see `LeftoverProcesses`), and stops being dumpable:
/// a lesson program runs as the same user, and without this it could read the builder's whole environment —
/// the secrets `ProgramEnvironment` keeps from it — through `/proc/<builder>/environ`.
enum BuilderIsolation {
  /// Applies both, the first time it is called; later calls do nothing.
  static func prepare() {
    _ = applied
  }

  private static let applied: Bool = {
    LeftoverProcesses.adoptOrphans()
    ProcessCalls.isDumpable = false
    return true
  }()
}
