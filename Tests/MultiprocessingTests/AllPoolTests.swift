import Testing

/// Every suite of this target runs one test at a time, nested here: a `ProcessPool` test forks, and a thread of
/// another test busy in the Swift runtime at that instant could leave a runtime lock held forever in the child.
@Suite("Multiprocessing", .serialized)
struct AllPoolTests {}
