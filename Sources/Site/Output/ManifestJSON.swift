import Lessons

/// A lesson's entry of the build manifest written as JSON by hand: the very text `JSONEncoder` with `.sortedKeys`
/// gives (keys in UTF-8 order, absent optionals left out, `/` written `\/`, control characters as `\n`, `\t`,
/// `\u001b`…), without Codable's containers and boxes, which made encoding the entries a few percent of a build.
///
/// `ManifestJSONTests` checks the text against `JSONEncoder` and that every stored property is written.
struct ManifestJSON {
  private(set) var bytes: [UInt8] = []

  /// `"path":{…}`, the lesson's member of the manifest's `lessons` object.
  static func entry(_ path: String, _ lesson: BuildManifest.Lesson) -> String {
    var json = ManifestJSON()
    json.bytes.reserveCapacity(1024)
    json.string(path)
    json.raw(":")
    json.lesson(lesson)
    return String(decoding: json.bytes, as: UTF8.self)
  }

  private mutating func lesson(_ lesson: BuildManifest.Lesson) {
    var object = Object()
    object.member("inputs", &self) { json in
      json.dictionary(lesson.inputs) { json, status in json.status(status) }
    }
    if let navigation = lesson.navigation {
      object.member("navigation", &self) { json in json.neighbours(navigation) }
    }
    object.member("outputs", &self) { json in json.array(lesson.outputs) { json, output in json.string(output) } }
    if let titles = lesson.requirementTitles {
      object.member("requirementTitles", &self) { json in json.dictionary(titles) { json, title in json.string(title) } }
    }
    if let summary = lesson.summary {
      object.member("summary", &self) { json in json.summary(summary) }
    }
    object.member("warnings", &self) { json in json.array(lesson.warnings) { json, warning in json.diagnostic(warning) } }
    object.close(&self)
  }

  private mutating func status(_ status: FileSystem.Status) {
    var object = Object()
    object.member("isDirectory", &self) { json in json.raw(status.isDirectory ? "true" : "false") }
    object.member("modified", &self) { json in json.number(Int(status.modified)) }
    object.member("size", &self) { json in json.number(Int(status.size)) }
    object.close(&self)
  }

  private mutating func neighbours(_ neighbours: LessonNeighbours) {
    var object = Object()
    for (key, link) in [("next", neighbours.next), ("previous", neighbours.previous)] {
      guard let link else { continue }
      object.member(key, &self) { json in
        var inner = Object()
        inner.member("pagePath", &json) { json in json.string(link.pagePath) }
        inner.member("title", &json) { json in json.string(link.title) }
        inner.close(&json)
      }
    }
    object.close(&self)
  }

  private mutating func summary(_ summary: BuildManifest.LessonSummary) {
    var object = Object()
    if let contributors = summary.contributors {
      object.member("contributors", &self) { json in json.array(contributors) { json, name in json.string(name) } }
    }
    if let description = summary.description { object.member("description", &self) { json in json.string(description) } }
    object.member("draft", &self) { json in json.raw(summary.draft ? "true" : "false") }
    if let level = summary.level { object.member("level", &self) { json in json.string(level) } }
    if let minutes = summary.minutes { object.member("minutes", &self) { json in json.number(minutes) } }
    if let modified = summary.modified { object.member("modified", &self) { json in json.string(modified) } }
    if let tags = summary.tags {
      object.member("tags", &self) { json in json.array(tags) { json, tag in json.string(tag) } }
    }
    object.member("title", &self) { json in json.string(summary.title) }
    object.close(&self)
  }

  private mutating func diagnostic(_ diagnostic: Diagnostic) {
    var object = Object()
    if let column = diagnostic.column { object.member("column", &self) { json in json.number(column) } }
    object.member("file", &self) { json in json.string(diagnostic.file) }
    if let line = diagnostic.line { object.member("line", &self) { json in json.number(line) } }
    object.member("message", &self) { json in json.string(diagnostic.message) }
    object.member("severity", &self) { json in json.string(diagnostic.severity.rawValue) }
    object.close(&self)
  }

  /// An object's members, written in the order given (the callers give them in UTF-8 order of their keys).
  private struct Object {
    private var count = 0

    mutating func member(_ key: String, _ json: inout ManifestJSON, _ value: (inout ManifestJSON) -> Void) {
      json.raw(count == 0 ? "{" : ",")
      count += 1
      json.string(key)
      json.raw(":")
      value(&json)
    }

    func close(_ json: inout ManifestJSON) {
      json.raw(count == 0 ? "{}" : "}")
    }
  }

  private mutating func dictionary<Value>(_ dictionary: [String: Value], _ value: (inout ManifestJSON, Value) -> Void) {
    var object = Object()
    for key in dictionary.keys.sorted(by: { $0.utf8Precedes($1) }) {
      guard let item = dictionary[key] else { continue }
      object.member(key, &self) { json in value(&json, item) }
    }
    object.close(&self)
  }

  private mutating func array<Element>(_ array: [Element], _ element: (inout ManifestJSON, Element) -> Void) {
    raw("[")
    for (index, item) in array.enumerated() {
      if index > 0 { raw(",") }
      element(&self, item)
    }
    raw("]")
  }

  private mutating func number(_ value: Int) { DecimalBytes.append(value, to: &bytes) }

  private mutating func raw(_ text: String) {
    bytes += text.utf8
  }

  /// `text` as a JSON string, as `JSONEncoder` writes it (`/` as `\/`).
  private mutating func string(_ text: String) {
    JSONString.append(quoted: text, .jsonEscapingSlashes, to: &bytes)
  }
}
