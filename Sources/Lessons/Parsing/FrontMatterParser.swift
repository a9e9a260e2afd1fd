import Yams

/// Reads a lesson's YAML front matter into `FrontMatter`, reporting problems as diagnostics with file lines.
enum FrontMatterParser {
  /// Parses `yaml`, whose first line is line `firstLine` of `file`. A YAML syntax error, or a front matter over
  /// `BoundedYAML.Limits.frontMatter` (an alias bomb), gives an error diagnostic at the file line of the problem
  /// and a front matter with only the fallback title.
  static func parse(_ yaml: String, firstLine: Int, file: String, fallbackTitle: String) -> (
    FrontMatter, [Diagnostic]
  ) {
    var frontMatter = FrontMatter(title: fallbackTitle)
    var diagnostics: [Diagnostic] = []
    let root: Node?
    do {
      root = try BoundedYAML.composeWithTextKeys(yaml, limits: .frontMatter)
    } catch let error as BoundedYAML.LimitError {
      diagnostics.append(
        Diagnostic(.error, file: file, line: error.line + firstLine - 1, "front matter refused: \(error.message)"))
      return (frontMatter, diagnostics)
    } catch let error as YamlError {
      let (line, column, problem) = location(of: error)
      diagnostics.append(
        Diagnostic(
          .error, file: file, line: line.map { $0 + firstLine - 1 } ?? firstLine, column: column,
          "front matter is not valid YAML: \(problem)"))
      return (frontMatter, diagnostics)
    } catch {
      diagnostics.append(Diagnostic(.error, file: file, line: firstLine, "front matter is not valid YAML: \(error)"))
      return (frontMatter, diagnostics)
    }
    guard let root else { return (frontMatter, diagnostics) }
    guard let mapping = root.mapping else {
      diagnostics.append(Diagnostic(.error, file: file, line: firstLine, "front matter is not a YAML mapping"))
      return (frontMatter, diagnostics)
    }
    var reader = FieldReader(file: file, firstLine: firstLine)
    for (keyNode, value) in mapping {
      guard let key = keyNode.text else { continue }
      reader.read(key: key, value: value, into: &frontMatter)
    }
    if frontMatter.contributors.isEmpty {
      var seen = Set<String>()
      for (_, ids) in frontMatter.contributionOrder {
        for id in ids where seen.insert(id).inserted { frontMatter.contributors.append(id) }
      }
    }
    diagnostics += reader.diagnostics
    if frontMatter.title.isEmpty {
      diagnostics.append(Diagnostic(.warning, file: file, line: firstLine, "front matter has no title"))
      frontMatter.title = fallbackTitle
    }
    return (frontMatter, diagnostics)
  }

  private static func location(of error: YamlError) -> (Int?, Int?, String) {
    switch error {
    case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
      let .composer(context, problem, mark, _):
      let detail = context.map { "\(problem) \($0.text)" } ?? problem
      return (mark.line, mark.column, detail)
    case let .reader(problem, _, _, _):
      return (nil, nil, problem)
    default:
      return (nil, nil, "\(error)")
    }
  }
}

extension FrontMatter {
  /// Contribution roles in the order written, for building `contributors` from `contributions:`.
  fileprivate var contributionOrder: [(String, [String])] {
    let preferred = ["authorship", "editing", "testing", "infrastructure", "translation", "funding"]
    var order: [(String, [String])] = preferred.compactMap { role in contributions[role].map { (role, $0) } }
    for (role, ids) in contributions.sorted(by: { $0.key < $1.key }) where !preferred.contains(role) {
      order.append((role, ids))
    }
    return order
  }
}
