import Yams

/// Reads one front-matter field at a time, converting YAML nodes to model values and noting type problems.
struct FieldReader {
  let file: String
  let firstLine: Int
  var diagnostics: [Diagnostic] = []

  init(file: String, firstLine: Int) {
    self.file = file
    self.firstLine = firstLine
  }

  mutating func read(key: String, value: Node, into frontMatter: inout FrontMatter) {
    switch key {
    case "layout": frontMatter.layout = scalar(value, key)
    case "title": frontMatter.title = scalar(value, key) ?? frontMatter.title
    case "level": frontMatter.level = scalar(value, key)
    case "questions": frontMatter.questions = strings(value, key)
    case "objectives": frontMatter.objectives = strings(value, key)
    case "key_points": frontMatter.keyPoints = strings(value, key)
    case "tags": frontMatter.tags = strings(value, key)
    case "zenodo_link": frontMatter.zenodoLink = scalar(value, key)
    case "contributors": frontMatter.contributors = strings(value, key)
    case "time_estimation":
      guard let text = scalar(value, key), !text.isEmpty else { return }
      if let time = TimeEstimation(parsing: text) {
        frontMatter.timeEstimation = time
      } else {
        warn(value, "time_estimation '\(text)' is not a duration such as 30M, 1H or 1H30M")
      }
    case "requirements": frontMatter.requirements = requirements(value, key)
    case "follow_up_training": frontMatter.followUpTraining = requirements(value, key)
    case "contributions":
      guard let mapping = value.mapping else { return warn(value, "contributions should be a mapping of roles") }
      for (role, ids) in mapping {
        guard let role = role.text else { continue }
        frontMatter.contributions[role] = strings(ids, "contributions.\(role)")
      }
    case "abbreviations":
      guard let mapping = value.mapping else { return warn(value, "abbreviations should be a mapping") }
      for (short, expansion) in mapping {
        guard let short = short.text, let expansion = scalar(expansion, "abbreviations.\(short)") else { continue }
        frontMatter.abbreviations.append(Abbreviation(short: short, expansion: expansion))
      }
    case "notebook":
      if let language = value["language"] { frontMatter.notebookLanguage = scalar(language, "notebook.language") }
      frontMatter.extra[key] = yamlText(value)
    case "enable": frontMatter.enabled = bool(value, key) ?? true
    case "draft": frontMatter.draft = bool(value, key) ?? false
    case "galaxy_stand_ins": frontMatter.standInServers = standIns(value)
    case "env": frontMatter.environment = environmentNames(value, key)
    case "exclusive": frontMatter.exclusive = bool(value, key) ?? false
    case "optimize": frontMatter.optimize = bool(value, key) ?? false
    case "data": frontMatter.dataFiles = dataFiles(value, key)
    case "description": frontMatter.description = scalar(value, key)
    case "lang":
      guard let tag = scalar(value, key) else { return }
      if LanguageTag.isValid(tag) {
        frontMatter.language = tag
      } else {
        warn(value, "lang '\(tag)' is not a language tag such as en or pt-BR; the site's language is used")
      }
    default: frontMatter.extra[key] = yamlText(value)
    }
  }

  private func line(of node: Node) -> Int {
    (node.mark?.line ?? 1) + firstLine - 1
  }

  private mutating func warn(_ node: Node, _ message: String) {
    diagnostics.append(Diagnostic(.warning, file: file, line: line(of: node), message))
  }

  private mutating func scalar(_ node: Node, _ key: String) -> String? {
    if node.null != nil { return nil }
    if let text = node.text { return text }
    warn(node, "\(key) should be a single value")
    return nil
  }

  private mutating func bool(_ node: Node, _ key: String) -> Bool? {
    if let value = node.bool { return value }
    warn(node, "\(key) should be true or false")
    return nil
  }

  private mutating func strings(_ node: Node, _ key: String) -> [String] {
    if node.null != nil { return [] }
    if let sequence = node.sequence {
      return sequence.compactMap { item in
        if let text = item.text { return text }
        warn(item, "an entry of \(key) is not text")
        return nil
      }
    }
    if let text = node.text { return text.isEmpty ? [] : [text] }
    warn(node, "\(key) should be a list")
    return []
  }

  /// The entries of `env:` that are environment variable names (letters, digits, `_`, not starting with a digit).
  private mutating func environmentNames(_ node: Node, _ key: String) -> [String] {
    strings(node, key).filter { name in
      let valid =
        !name.isEmpty && name.first?.isNumber == false
        && name.unicodeScalars.allSatisfy {
          $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
        }
      if !valid { warn(node, "env: '\(name)' is not an environment variable name") }
      return valid
    }
  }

  /// The entries of `data:` that stay inside the lesson's folder (relative, no `..`); others are warned about.
  private mutating func dataFiles(_ node: Node, _ key: String) -> [String] {
    strings(node, key).filter { path in
      let inside = !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
      if !inside { warn(node, "data: '\(path)' is not a path inside the lesson's folder") }
      return inside
    }
  }

  private mutating func requirements(_ node: Node, _ key: String) -> [Requirement] {
    if node.null != nil { return [] }
    guard let sequence = node.sequence else {
      warn(node, "\(key) should be a list")
      return []
    }
    var result: [Requirement] = []
    for item in sequence {
      guard item.mapping != nil else {
        warn(item, "an entry of \(key) should be a mapping with a type")
        continue
      }
      let type = item["type"]?.text ?? "none"
      var requirement = Requirement(type: type)
      requirement.topicName = item["topic_name"]?.text
      requirement.title = item["title"]?.text
      requirement.link = item["link"]?.text
      if let tutorials = item["tutorials"] { requirement.tutorials = strings(tutorials, "\(key).tutorials") }
      result.append(requirement)
    }
    return result
  }

  private mutating func standIns(_ node: Node) -> [StandInServer] {
    guard let sequence = node.sequence else {
      warn(node, "galaxy_stand_ins should be a list of {url, version, latency}")
      return []
    }
    var result: [StandInServer] = []
    for item in sequence {
      guard let url = item["url"]?.text, !url.isEmpty else {
        warn(item, "a galaxy_stand_ins entry needs a url")
        continue
      }
      let version = item["version"]?.text ?? "24.1"
      var latency = 0.0
      if let latencyNode = item["latency"] {
        if let value = latencyNode.float ?? latencyNode.int.map(Double.init), value >= 0, value.isFinite {
          latency = value
        } else {
          warn(latencyNode, "latency should be a number of seconds")
        }
      }
      result.append(StandInServer(url: url, version: version, latency: latency))
    }
    return result
  }

  private func yamlText(_ node: Node) -> String {
    if let text = node.text { return text }
    return ControlPictures.replacing(in: (try? Yams.serialize(node: node))?.trimmingTrailingNewlines ?? "")
  }
}

extension Node {
  /// The scalar's text with control characters shown as pictures (`"\e"` in YAML is an ESC that no page may
  /// hold), nil for a mapping or sequence.
  var text: String? {
    scalar.map { ControlPictures.replacing(in: $0.string) }
  }
}

extension String {
  fileprivate var trimmingTrailingNewlines: String {
    var result = self
    while result.last == "\n" { result.removeLast() }
    return result
  }
}
