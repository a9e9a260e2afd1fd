import Testing

/// Every suite of this target runs one test at a time, nested here: a `ProcessPool` test forks, and a thread of
/// another test busy in the Swift runtime at that instant could leave a runtime lock held forever in the child.
/// For the same reason they run only in a test process of their own (see `PoolTestProcess`).
@Suite("Multiprocessing", .serialized, .enabled(if: PoolTestProcess.isOwn, PoolTestProcess.elsewhere))
struct AllPoolTests {}
