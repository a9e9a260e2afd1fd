import Foundation
import Glibc
import Lessons

/// Reads and writes a lesson's frozen results: `<lesson file name without .md>.results.json` beside the lesson
/// (`tutorial.md` → `tutorial.results.json`), committed by authors so that publishing needs no execution.
///
/// Writes are atomic (a hidden temporary file in the same folder, then `rename`), so an interrupted build never
/// leaves a half-written file, and a temporary file left by a crash is hidden, which the builder never publishes.
/// The `rename` runs under the `CommitGate`, so an interrupted build never replaces the results with its killed run.
public enum FrozenResultsStore {
  /// The results file for the lesson at `lessonFile`.
  public static func path(for lessonFile: String) -> String {
    let url = URL(fileURLWithPath: lessonFile)
    return url.deletingPathExtension().path + ".results.json"
  }

  /// The largest results file read (a lesson's output is capped per cell; this is far above what they make).
  public static let maximumBytes = 256 * 1024 * 1024

  /// The stored results, nil when there is no file; throws `corruptResults` when the file cannot be decoded.
  ///
  /// Only a regular file is read, never through a symbolic link: the builder writes it by `rename`, so a link there
  /// was put by someone else, and a link `tutorial.results.json → a file outside the content folder` published that
  /// file's outputs on the page, in the notebook and in the search index. A pipe or a device is refused too.
  public static func load(for lessonFile: String) throws(ExecutionError) -> LessonResults? {
    let file = path(for: lessonFile)
    let data: Data
    switch RegularFile.read(file, limit: maximumBytes, followingLinks: false) {
    case .success(let read): data = read
    case .failure(.missing): return nil
    case .failure(.symbolicLink):
      throw ExecutionError(.io, "\(file) is a symbolic link: frozen results are read only from a file beside the lesson")
    case .failure(.notRegular): throw ExecutionError(.io, "\(file) is not a regular file")
    case .failure(.tooLarge): throw ExecutionError(.io, "\(file) is larger than \(maximumBytes / (1024 * 1024)) MB")
    case .failure(.unreadable): throw ExecutionError(.io, "cannot read \(file)")
    }
    do {
      return try JSONDecoder().decode(LessonResults.self, from: data)
    } catch {
      throw ExecutionError(.corruptResults, "\(file) cannot be read as results (\(error))")
    }
  }

  /// Writes `results` atomically; the JSON is pretty-printed with sorted keys so that diffs stay readable.
  /// Throws `interrupted` (and leaves the file as it was) once `gate` is closed by the interrupt handler.
  public static func save(
    _ results: LessonResults, for lessonFile: String, gate: CommitGate = .shared
  ) throws(ExecutionError) {
    let file = path(for: lessonFile)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let url = URL(fileURLWithPath: file)
    let folder = url.deletingLastPathComponent().path
    let temporary = folder + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    removeLeftovers(of: url.lastPathComponent, in: folder)
    do {
      let data = try encoder.encode(results)
      try data.write(to: URL(fileURLWithPath: temporary))
      let renamed = gate.perform { rename(temporary, file) == 0 ? 0 : errno }
      guard let renamed else {
        throw ExecutionError(.interrupted, "\(file) left as it was: the build is being interrupted")
      }
      guard renamed == 0 else {
        throw ExecutionError(.io, "cannot rename \(temporary) to \(file): \(String(cString: strerror(renamed)))")
      }
    } catch let error as ExecutionError {
      unlink(temporary)
      throw error
    } catch {
      unlink(temporary)
      throw ExecutionError(.io, "cannot write \(file): \(error)")
    }
  }

  /// Removes the temporary files of saves of `name` whose process is gone (a crash mid-save): hidden ones, and the
  /// visible `name.tmp-<pid>-…` of older builders, which a build once published.
  static func removeLeftovers(of name: String, in folder: String) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for leftover in names where leftover.hasPrefix(".\(name).tmp-") || leftover.hasPrefix("\(name).tmp-") {
      let fields = leftover.split(separator: "-")
      guard fields.count >= 3, let pid = pid_t(fields[fields.count - 2]), kill(pid, 0) != 0, errno == ESRCH else { continue }
      unlink(folder + "/" + leftover)
    }
  }
}
