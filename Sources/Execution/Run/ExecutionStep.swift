/// What a lesson's execution is doing now, reported as it happens so that a progress line can name it
/// (`[1/2] swift-multiprocessing: cell 7/13`).
public enum ExecutionStep: Sendable, Hashable {
  /// The lesson's program is being compiled.
  case compiling
  /// Cell `index` (the lesson's cell index, from 0) has begun, of the lesson's `count` cells; reported when the
  /// builder accepts the program's `cell-begin` line, so a forged or repeated one reports nothing.
  case cell(index: Int, count: Int)
}
