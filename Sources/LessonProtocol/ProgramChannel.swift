import Glibc
internal import SystemCalls

/// The program's end of the control channel: the descriptor, moved out of the way, and the run's secret.
///
/// Read once, on first use (`LessonRuntime.start()` makes that the program's first statement). Forked workers
/// inherit it with the rest of the program's memory, so a chart shown in a worker reaches the builder too.
public struct ProgramChannel: Sendable {
  /// The descriptor the program writes to (close-on-exec).
  let descriptor: Int32
  /// The run's secret, which starts every line.
  let secret: String

  /// The channel of this program, or nil when no builder runs it (a learner runs the cells themselves, or the
  /// descriptor holds no greeting).
  public static let current: ProgramChannel? = open()

  /// Writes `message` as one line; false when the channel refuses (closed by the program).
  @discardableResult
  public func send(_ message: ControlMessage) -> Bool {
    do {
      try FileDescriptorIO.writeAll(descriptor, message.line(secret: secret))
      return true
    } catch {
      return false
    }
  }

  /// The marker line of cell `index`, for stdout and stderr.
  func marker(index: Int) -> String { CellMarker.line(secret: secret, index: index) }

  private static func open() -> ProgramChannel? {
    guard let text = getenv(ControlChannel.descriptorVariable), let given = Int32(String(cString: text)), given >= 0
    else { return nil }
    // The greeting is in the socket before the program starts; a descriptor that is no socket, or holds no
    // greeting, is not a builder's channel (and a terminal must not make the program wait).
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = buffer.withUnsafeMutableBytes { recv(given, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
    guard count > 1, buffer[count - 1] == 10 else { return nil }
    let secret = String(decoding: buffer[0..<(count - 1)], as: UTF8.self)
    guard ControlChannel.isSecret(secret) else { return nil }
    // Out of the way: a high number that a cell closing descriptor 3, or opening files, does not touch, closed on
    // exec so that tools a cell runs do not inherit it.
    var descriptor = fcntl(given, F_DUPFD_CLOEXEC, ControlChannel.movedDescriptorFloor)
    if descriptor >= 0 {
      FileDescriptorIO.close(given)
    } else {
      descriptor = given
      _ = fcntl(given, F_SETFD, FD_CLOEXEC)
    }
    return ProgramChannel(descriptor: descriptor, secret: secret)
  }
}
