import Testing

/// Every suite that starts lesson programs runs inside this one, serialized: one test kills every registered
/// process group (as an interrupted build does) and must not hit another test's programs.
@Suite("Execution processes", .serialized)
enum ProcessSuites {}
