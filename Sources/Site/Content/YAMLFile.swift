import Foundation
import Lessons
import Yams

/// Reads the small YAML files of the content folder (`site.yaml`, a topic's `metadata.yaml`) as string maps,
/// turning Yams' errors into a `SiteError` with the file and line.
enum YAMLFile {
  /// The top-level string values of the mapping in `path`; other values are ignored.
  static func strings(at path: String) throws(SiteError) -> [String: String] {
    var result: [String: String] = [:]
    for (key, value) in try mapping(at: path) {
      switch value {
      case let text as String: result[key] = text
      case let number as Int: result[key] = String(number)
      case let number as Double: result[key] = String(number)
      case let flag as Bool: result[key] = String(flag)
      default: continue
      }
    }
    return result
  }

  /// The top-level lists of strings of the mapping in `path` (`env: [A, B]`); other values are ignored.
  static func stringLists(at path: String) throws(SiteError) -> [String: [String]] {
    try mapping(at: path).compactMapValues { value in (value as? [Any])?.compactMap { $0 as? String } }
  }

  /// The mapping in `path`, empty for an empty file.
  private static func mapping(at path: String) throws(SiteError) -> [String: Any] {
    let data = try FileSystem.read(path)
    guard let text = String(data: data, encoding: .utf8) else {
      throw SiteError(.unreadable, file: path, reason: "the file is not UTF-8 text")
    }
    let loaded: Any?
    do {
      loaded = try Yams.load(yaml: text)
    } catch let error as YamlError {
      throw SiteError(.yaml, file: path, line: line(of: error), reason: "broken YAML: \(problem(of: error))")
    } catch {
      throw SiteError(.yaml, file: path, reason: "broken YAML: \(error)")
    }
    guard let loaded else { return [:] }
    guard let mapping = loaded as? [String: Any] else {
      throw SiteError(.yaml, file: path, line: 1, reason: "expected a mapping of keys to values")
    }
    return mapping
  }

  private static func line(of error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
    case .duplicatedKeysInMapping(_, let context): context.mark.line
    default: nil
    }
  }

  private static func problem(of error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
    case .duplicatedKeysInMapping(let duplicates, _): "duplicated keys \(duplicates.joined(separator: ", "))"
    default: "\(error)"
    }
  }
}
