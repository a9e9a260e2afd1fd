extension TeXParser {
  /// `\begin{name} … \end{name}` (the `\begin` already read): matrices, cases, aligned equations, arrays.
  mutating func parseEnvironment() throws(TeXError) -> MathNode {
    let name = try readName(after: "\\begin")
    var alignments: [String] = []
    if name == "array" || name == "alignat" || name == "alignedat" {
      let spec = try readName(after: "\\begin{\(name)}")
      alignments = spec.unicodeScalars.compactMap { ["l": "left", "c": "center", "r": "right"][$0] }
    }
    guard let shape = Self.environments[name] else { throw TeXError("unknown environment \(name)") }
    let rows = try parseRows(environment: name)
    guard current == .command("end") else { throw TeXError("\\begin{\(name)} is never closed with \\end{\(name)}") }
    position += 1
    let end = try readName(after: "\\end")
    guard end == name else { throw TeXError("\\begin{\(name)} is closed with \\end{\(end)}") }
    let width = rows.map(\.count).max() ?? 0
    if alignments.isEmpty || name != "array" {
      alignments = (0..<width).map { column in
        switch shape.alignment {
        case "alternate": return column % 2 == 0 ? "right" : "left"
        default: return shape.alignment
        }
      }
    }
    let table = MathNode.table(rows: rows, alignments: alignments, compact: shape.compact)
    var items: [MathNode] = []
    if let open = shape.open { items.append(.operator(open, OperatorForm(stretchy: true, fence: "prefix"))) }
    items.append(table)
    if let close = shape.close { items.append(.operator(close, OperatorForm(stretchy: true, fence: "postfix"))) }
    return items.count == 1 ? table : .row(items)
  }

  /// The environments known: their fences, how columns align, and whether cells are packed (aligned equations).
  static let environments: [String: (open: String?, close: String?, alignment: String, compact: Bool)] = [
    "matrix": (nil, nil, "center", false), "smallmatrix": (nil, nil, "center", false),
    "pmatrix": ("(", ")", "center", false), "bmatrix": ("[", "]", "center", false),
    "Bmatrix": ("{", "}", "center", false), "vmatrix": ("|", "|", "center", false),
    "Vmatrix": ("‖", "‖", "center", false), "cases": ("{", nil, "left", false), "dcases": ("{", nil, "left", false),
    "array": (nil, nil, "center", false), "aligned": (nil, nil, "alternate", true),
    "align": (nil, nil, "alternate", true), "align*": (nil, nil, "alternate", true),
    "alignat": (nil, nil, "alternate", true), "alignedat": (nil, nil, "alternate", true),
    "split": (nil, nil, "alternate", true), "eqnarray": (nil, nil, "alternate", true),
    "eqnarray*": (nil, nil, "alternate", true), "gathered": (nil, nil, "center", false),
    "gather": (nil, nil, "center", false), "gather*": (nil, nil, "center", false),
    "equation": (nil, nil, "center", false), "equation*": (nil, nil, "center", false),
  ]

  /// Rows of cells separated by `\\` and `&`, up to `\end` (in an environment) or the end of the formula (at the
  /// top). A last empty row (a trailing `\\`) is dropped.
  mutating func parseRows(environment: String? = nil) throws(TeXError) -> [[MathNode]] {
    var rows: [[MathNode]] = []
    var cells: [MathNode] = []
    while true {
      let items = try parseList(stops: .cells)
      cells.append(items.count == 1 ? items[0] : .row(items))
      guard let token = current else {
        if let environment { throw TeXError("\\begin{\(environment)} is never closed with \\end{\(environment)}") }
        break
      }
      if token == .alignment {
        position += 1
        continue
      }
      if token == .command("\\") {
        position += 1
        skipOptionalLength()
        rows.append(cells)
        cells = []
        continue
      }
      // \end
      if environment == nil { throw TeXError("\\end without a matching \\begin") }
      break
    }
    if !(cells.count == 1 && cells[0].isEmptyRow && !rows.isEmpty) { rows.append(cells) }
    return rows
  }

  /// `\\[2pt]`: the extra line spacing is read and dropped.
  mutating func skipOptionalLength() {
    skipSpaces()
    guard current == .character("[") else { return }
    var index = position + 1
    while index < tokens.count, index < position + 20 {
      if tokens[index] == .character("]") {
        position = index + 1
        return
      }
      index += 1
    }
  }

  /// The `{name}` after `\begin`/`\end` (letters and `*`), or an array's column spec.
  mutating func readName(after command: String) throws(TeXError) -> String {
    skipSpaces()
    guard current == .open else { throw TeXError("\(command) needs {name}") }
    position += 1
    var name = ""
    while let token = current, token != .close {
      guard case .character(let scalar) = token else {
        if token == .space {
          position += 1
          continue
        }
        break
      }
      name.unicodeScalars.append(scalar)
      position += 1
    }
    guard current == .close else { throw TeXError("\(command){\(name) is not a plain name") }
    position += 1
    return name
  }
}
