@_exported import Charts
@_exported import HTTP
internal import LessonProtocol

/// What lesson cells import beside Multiprocessing: charts that `show()` themselves on the lesson page, the
/// libcurl HTTP client, and small helpers for timing (`now()`, `sleep(seconds:)`, `formatted(_:decimals:)`).
///
/// Everything here avoids Foundation in its public interface, so a lesson program that imports it compiles in
/// about 0.2 s.
public enum LessonSupport {
  /// The environment variable naming the file descriptor the builder reads chart lines from (owned by
  /// `LessonProtocol.ControlChannel`).
  public static let controlDescriptorVariable = ControlChannel.descriptorVariable
}
