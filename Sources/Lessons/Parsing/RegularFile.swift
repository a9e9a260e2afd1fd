import Foundation

/// Reads files the parser pulls in beside a lesson (snippets, includes, `tutorial.bib`) only when they are regular
/// files of at most `limit` bytes: a named pipe or a device in the content folder would otherwise block the build
/// forever, and a huge file would fill its memory.
enum RegularFile {
  enum Failure: Error, Equatable {
    case notRegular
    case tooLarge
    case unreadable
  }

  static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path  // links are checked by the callers
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved) else { return .failure(.unreadable) }
    guard attributes[.type] as? FileAttributeType == .typeRegular else { return .failure(.notRegular) }
    if let size = attributes[.size] as? Int, size > limit { return .failure(.tooLarge) }
    guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable) }
    return data.count > limit ? .failure(.tooLarge) : .success(data)
  }
}
