import Foundation
import Lessons

/// The hash of the data files a lesson lists (`data:` in its front matter), which joins its results key.
enum DataFiles {
  /// SHA-256 over each listed path (relative to the lesson's folder, in the order given) and its contents; a file
  /// that cannot be read counts as "missing", so that adding it later makes the results stale. Nil when the lesson
  /// lists no data files (the key is then what it was before data files existed).
  static func hash(_ lesson: Lesson) -> String? {
    let paths = lesson.frontMatter.dataFiles
    guard !paths.isEmpty else { return nil }
    let folder = folder(of: lesson)
    var hash = SHA256()
    for path in paths {
      hash.update(field: path)
      var present = hash
      present.update(field: "present")
      if Self.hashContents(of: folder + "/" + path, into: &present) {
        present.update(CollectionOfOne(0))
        hash = present
      } else {
        hash.update(field: "missing")
      }
    }
    return hash.hexDigest()
  }

  /// Feeds the bytes of the regular file at `path` into `hash`, a megabyte at a time (a data file may be
  /// gigabytes: it is never held whole); false when it is not a readable regular file (a named pipe would block).
  private static func hashContents(of path: String, into hash: inout SHA256) -> Bool {
    (try? RegularFile.stream(path) { hash.update(buffer: $0) }.get()) != nil
  }

  /// A warning for each listed data file that is not a readable file: a typo would otherwise go unnoticed (the key
  /// counts it as missing, and the lesson's cells fail or read nothing).
  static func problems(_ lesson: Lesson) -> [Diagnostic] {
    let folder = folder(of: lesson)
    return lesson.frontMatter.dataFiles.filter { path in
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
      return !exists || isFolder.boolValue || !FileManager.default.isReadableFile(atPath: folder + "/" + path)
    }
    .map { Diagnostic(.warning, file: lesson.file, "data: '\($0)' is not a readable file beside the lesson") }
  }

  private static func folder(of lesson: Lesson) -> String {
    URL(fileURLWithPath: lesson.file).deletingLastPathComponent().path
  }
}
