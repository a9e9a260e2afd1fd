import Foundation
import Lessons
import Yams

/// Reads the small YAML files of the content folder (`site.yaml`, a topic's `metadata.yaml`) as string maps,
/// turning Yams' errors into a `SiteError` with the file and line.
enum YAMLFile {
  /// The top-level string values of the mapping in `path`; other values are ignored.
  static func strings(at path: String) throws(SiteError) -> [String: String] {
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
    var result: [String: String] = [:]
    for (key, value) in mapping {
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

/// A topic's `metadata.yaml`: the title and summary the index shows for it.
struct TopicMetadata: Sendable, Hashable {
  var title: String
  var summary: String?

  /// The metadata of `topic`, or its folder name as title when it has no `metadata.yaml`.
  static func load(_ topic: TopicSource) throws(SiteError) -> TopicMetadata {
    guard topic.metadata != nil else { return TopicMetadata(title: topic.name) }
    let values = try YAMLFile.strings(at: topic.metadataFile)
    return TopicMetadata(title: values["title"] ?? topic.name, summary: values["summary"])
  }
}

/// The site-wide settings of `site.yaml` at the content root (all optional):
/// ```yaml
/// title: Swift training
/// base_url: https://training.example.org/swift/
/// ```
public struct SiteSettings: Sendable, Hashable, Codable {
  /// Shown in every page's header and title.
  public var title: String
  /// The address the site is published at; makes sitemap.xml's locations absolute.
  public var baseURL: String?

  public init(title: String = "Training material", baseURL: String? = nil) {
    self.title = title
    self.baseURL = baseURL
  }

  /// Reads `site.yaml` in `contentRoot` when it exists.
  static func load(contentRoot: String) throws(SiteError) -> SiteSettings {
    let path = contentRoot + "/site.yaml"
    guard try FileSystem.status(path) != nil else { return SiteSettings() }
    let values = try YAMLFile.strings(at: path)
    return SiteSettings(title: values["title"] ?? SiteSettings().title, baseURL: values["base_url"])
  }
}
