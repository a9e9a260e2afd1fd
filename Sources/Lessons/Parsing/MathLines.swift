import Markdown

/// A `$$…$$` formula written over several lines arrives from cmark as text nodes separated by line breaks; these
/// helpers put it back into one text node (breaks as newlines) so that the inline scan sees the whole formula.
enum MathLines {
  /// `nodes` with each formula left open at the end of a text node joined with the breaks and text after it, up
  /// to the text that closes it.
  static func joined(_ nodes: [MarkdownNode]) -> [MarkdownNode] {
    // Most inlines have no formula left open: they are only looked at (by index, no node copied).
    guard nodes.indices.contains(where: { nodes[$0].kind == .text && hasOpenFormula(nodes[$0].literal ?? "") })
    else { return nodes }
    var result: [MarkdownNode] = []
    // The text node being joined (kept out of `result` while it grows, so that each piece is appended once).
    var joining: MarkdownNode?
    var text = ""
    func finish() {
      guard var node = joining else { return }
      node.literal = text
      result.append(node)
      joining = nil
    }
    for node in nodes {
      if joining != nil {
        switch node.kind {
        case .softBreak, .lineBreak:
          text += "\n"
          continue
        case .text:
          let literal = node.literal ?? ""
          text += literal
          // A break separates text nodes, so no `$$` straddles two: the parity of each piece decides.
          if hasOpenFormula(literal) { finish() }
          continue
        default:
          finish()
        }
      }
      if node.kind == .text, hasOpenFormula(node.literal ?? "") {
        joining = node
        text = node.literal ?? ""
      } else {
        result.append(node)
      }
    }
    finish()
    return result
  }

  /// True when `text` has an odd number of `$$` (read left to right, as the scan pairs them).
  static func hasOpenFormula(_ text: String) -> Bool {
    guard text.containsBytes("$$") else { return false }
    var count = 0
    var previousWasDollar = false
    for byte in text.utf8 {
      if byte == UInt8(ascii: "$"), previousWasDollar {
        count += 1
        previousWasDollar = false
      } else {
        previousWasDollar = byte == UInt8(ascii: "$")
      }
    }
    return count % 2 == 1
  }

  /// The number of line feeds in `text`.
  static func newlines(in text: Substring) -> Int {
    text.newlineCount
  }
}
