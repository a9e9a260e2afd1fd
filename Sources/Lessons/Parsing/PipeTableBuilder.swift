import Foundation
import Markdown

/// Builds tables from paragraphs of pipe rows (`| a | b |` over `|---|:--:|`): cmark 0.30 has no table extension,
/// so a table arrives as a paragraph, and its raw lines are read back from the source.
struct PipeTableBuilder {
  let context: DialectContext

  func table(from paragraph: MarkdownNode) -> Table? {
    guard paragraph.endLine > paragraph.startLine,
      paragraph.children.contains(where: { $0.kind == .text && $0.literal?.contains("|") == true })
    else { return nil }
    var lines: [Substring] = []
    for number in paragraph.startLine...paragraph.endLine {
      let content = context.source.content(ofLine: number).trimmingSpaces
      guard content.contains("|") else { return nil }
      lines.append(content)
    }
    guard lines.count >= 2, let alignments = Self.alignments(lines[1]) else { return nil }
    let header = Self.cells(lines[0])
    guard !header.isEmpty else { return nil }
    // A row with more cells than the header widens the table, as kramdown does: no cell is dropped (a `|` inside
    // `$$…$$` splits a cell there, in kramdown too).
    let bodyCells = lines.dropFirst(2).map { Self.cells($0) }
    let width = bodyCells.reduce(header.count) { max($0, $1.count) }
    func parse(_ cells: [Substring], line: Int) -> [[Inline]] {
      var row = cells.map { cell(String($0), line: line) }
      while row.count < width { row.append([]) }
      return row
    }
    let rows = bodyCells.enumerated().map { offset, cells in parse(cells, line: paragraph.startLine + 2 + offset) }
    var columnAlignments = Array(alignments.prefix(width))
    while columnAlignments.count < width { columnAlignments.append(.none) }
    return Table(alignments: columnAlignments, header: parse(header, line: paragraph.startLine), rows: rows)
  }

  private func cell(_ text: String, line: Int) -> [Inline] {
    let document = Markdown.parse(MathSpanProtector.protect(text))
    guard let paragraph = document.children.first(where: { $0.kind == .paragraph }) else {
      return text.isEmpty ? [] : [.text(text)]
    }
    return InlineTransformer(context: context).transform(paragraph.children, line: line)
  }

  /// The cells of a row: split at `|` outside code spans and not escaped, without the outer pipes.
  static func cells(_ line: Substring) -> [Substring] {
    var cells: [Substring] = []
    var start = line.startIndex
    var index = line.startIndex
    var inCode = false
    while index < line.endIndex {
      let character = line[index]
      if character == "\\" {
        index = line.index(after: index)
        if index < line.endIndex { index = line.index(after: index) }
        continue
      }
      if character == "`" { inCode.toggle() }
      if character == "|" && !inCode {
        cells.append(line[start..<index])
        start = line.index(after: index)
      }
      index = line.index(after: index)
    }
    cells.append(line[start...])
    if let first = cells.first, first.trimmingSpaces.isEmpty { cells.removeFirst() }
    if let last = cells.last, last.trimmingSpaces.isEmpty, cells.count > 0 { cells.removeLast() }
    return cells.map { $0.trimmingSpaces.replacingOccurrences(of: "\\|", with: "|")[...] }
  }

  /// The alignments of a delimiter row (`|:---|:--:|---:|`), or nil when the line is not one.
  static func alignments(_ line: Substring) -> [Table.Alignment]? {
    let cells = cells(line)
    guard !cells.isEmpty else { return nil }
    var result: [Table.Alignment] = []
    for cell in cells {
      let left = cell.hasPrefix(":")
      let right = cell.hasSuffix(":")
      let dashes = cell.drop(while: { $0 == ":" }).reversed().drop(while: { $0 == ":" })
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      result.append(left && right ? .center : left ? .left : right ? .right : .none)
    }
    return result
  }
}
