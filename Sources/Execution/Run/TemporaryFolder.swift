import Foundation
import Glibc

/// A temporary folder for one lesson program, removed when the value is dropped.
final class TemporaryFolder {
  let path: String

  init() throws(ExecutionError) {
    var template = Array("\(NSTemporaryDirectory())/lessons-exec-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw ExecutionError(.io, "cannot create a temporary folder: \(String(cString: strerror(errno)))")
    }
    path = String(cString: made)
  }

  func write(_ text: String, to name: String) throws(ExecutionError) {
    do {
      try text.write(toFile: "\(path)/\(name)", atomically: false, encoding: .utf8)
    } catch {
      throw ExecutionError(.io, "cannot write \(path)/\(name): \(error)")
    }
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}
