import Foundation
import Lessons
import Yams

/// Reads the small YAML files of the content folder (`site.yaml`, a topic's `metadata.yaml`) as string maps,
/// turning Yams' errors into a `SiteError` with the file and line.
///
/// The files are read within `BoundedYAML.Limits.settingsFile` (an alias bomb or a huge file is refused at once
/// with its line), and values keep to the mapping's top level: nothing nested is ever expanded. Control
/// characters in values (YAML's `"\e"`) are shown as pictures, as everywhere text reaches a page.
enum YAMLFile {
  /// The top-level scalar values of the mapping in `path`, as text; nested values are ignored.
  static func strings(at path: String) throws(SiteError) -> [String: String] {
    var result: [String: String] = [:]
    for (key, value) in try mapping(at: path) {
      guard let key = key.scalar?.string, let text = scalarText(value) else { continue }
      result[ControlPictures.replacing(in: key)] = ControlPictures.replacing(in: text)
    }
    return result
  }

  /// The top-level lists of scalars of the mapping in `path` (`env: [A, B]`), as text; other values are ignored.
  static func stringLists(at path: String) throws(SiteError) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for (key, value) in try mapping(at: path) {
      guard let key = key.scalar?.string, let items = value.sequence else { continue }
      result[key] = items.compactMap(scalarText)
    }
    return result
  }

  /// A mapping of mappings (`CONTRIBUTORS.yaml`: id → fields): each inner mapping's scalars and lists of scalars.
  static func nestedStrings(at path: String) throws(SiteError) -> [String: (values: [String: String], lists: [String: [String]])] {
    var result: [String: (values: [String: String], lists: [String: [String]])] = [:]
    for (key, value) in try mapping(at: path) {
      guard let id = key.scalar?.string, let inner = value.mapping else { continue }
      var values: [String: String] = [:]
      var lists: [String: [String]] = [:]
      for (field, item) in inner {
        guard let name = field.scalar?.string else { continue }
        if let text = scalarText(item) { values[name] = ControlPictures.replacing(in: text) }
        if let items = item.sequence { lists[name] = items.compactMap(scalarText).map(ControlPictures.replacing(in:)) }
      }
      result[ControlPictures.replacing(in: id)] = (values, lists)
    }
    return result
  }

  /// The top-level mapping in `path` (empty for an empty file), read within the limits.
  private static func mapping(at path: String) throws(SiteError) -> Node.Mapping {
    let data = try FileSystem.read(path)
    guard let text = String(data: data, encoding: .utf8) else {
      throw SiteError(.unreadable, file: path, reason: "the file is not UTF-8 text")
    }
    let loaded: Node?
    do {
      loaded = try BoundedYAML.compose(text, limits: .settingsFile)
    } catch let error as BoundedYAML.LimitError {
      throw SiteError(.yaml, file: path, line: error.line, reason: "refused: \(error.message)")
    } catch let error as YamlError {
      throw SiteError(.yaml, file: path, line: BoundedYAML.line(of: error), reason: "broken YAML: \(problem(of: error))")
    } catch {
      throw SiteError(.yaml, file: path, reason: "broken YAML: \(error)")
    }
    guard let loaded, loaded.null == nil else { return Node.Mapping([]) }
    guard let mapping = loaded.mapping else {
      throw SiteError(.yaml, file: path, line: 1, reason: "expected a mapping of keys to values")
    }
    return mapping
  }

  /// A scalar's text as the constructed value would print it: numbers and booleans in their canonical form
  /// (`0x1F` → `31`, `True` → `true`), strings as written; nil for null, lists and mappings.
  private static func scalarText(_ node: Node) -> String? {
    guard let scalar = node.scalar, node.null == nil else { return nil }
    if node.tag.rawValue == Tag.Name.str.rawValue { return scalar.string }
    if let flag = node.bool { return String(flag) }
    if let number = node.int { return String(number) }
    if let number = node.float { return String(number) }
    return scalar.string
  }

  private static func problem(of error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
    case .duplicatedKeysInMapping(let duplicates, _): "duplicated keys \(duplicates.joined(separator: ", "))"
    default: "\(error)"
    }
  }
}
