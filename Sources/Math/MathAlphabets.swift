/// The font commands (`\mathbf`, `\mathbb`, …): MathML Core draws them with the Unicode mathematical
/// alphanumeric characters (U+1D400…), since its `mathvariant` only knows "normal".
enum MathAlphabet: Sendable {
  case normal, upright, bold, boldItalic, italic, doubleStruck, script, sansSerif, monospace

  /// The font command's alphabet; nil for other commands.
  static func named(_ command: String) -> MathAlphabet? {
    switch command {
    case "mathrm", "textrm", "rm", "operatorname": return .upright
    case "mathbf", "textbf", "bf": return .bold
    case "boldsymbol", "bm", "pmb": return .boldItalic
    case "mathit", "textit", "it": return .italic
    case "mathbb", "Bbb": return .doubleStruck
    case "mathcal", "mathscr", "cal": return .script
    case "mathsf", "textsf", "sf": return .sansSerif
    case "mathtt", "texttt", "tt": return .monospace
    default: return nil
    }
  }

  /// `scalar` in this alphabet (unchanged when the alphabet has no such letter).
  func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let value = scalar.value
    let upper = value >= 0x41 && value <= 0x5A
    let lower = value >= 0x61 && value <= 0x7A
    let digit = value >= 0x30 && value <= 0x39
    let greekUpper = value >= 0x391 && value <= 0x3A9
    let greekLower = value >= 0x3B1 && value <= 0x3C9
    func offset(_ base: UInt32, from start: UInt32) -> Unicode.Scalar {
      Unicode.Scalar(base + value - start) ?? scalar
    }
    switch self {
    case .normal, .upright:
      return scalar
    case .bold:
      if upper { return offset(0x1D400, from: 0x41) }
      if lower { return offset(0x1D41A, from: 0x61) }
      if digit { return offset(0x1D7CE, from: 0x30) }
      if greekUpper { return offset(0x1D6A8, from: 0x391) }
      if greekLower { return offset(0x1D6C2, from: 0x3B1) }
    case .boldItalic:
      if upper { return offset(0x1D468, from: 0x41) }
      if lower { return offset(0x1D482, from: 0x61) }
      if digit { return offset(0x1D7CE, from: 0x30) }
      if greekUpper { return offset(0x1D71C, from: 0x391) }
      if greekLower { return offset(0x1D736, from: 0x3B1) }
    case .italic:
      if scalar == "h" { return "ℎ" }
      if upper { return offset(0x1D434, from: 0x41) }
      if lower { return offset(0x1D44E, from: 0x61) }
    case .doubleStruck:
      let holes: [Unicode.Scalar: Unicode.Scalar] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
      if let hole = holes[scalar] { return hole }
      if upper { return offset(0x1D538, from: 0x41) }
      if lower { return offset(0x1D552, from: 0x61) }
      if digit { return offset(0x1D7D8, from: 0x30) }
    case .script:
      let holes: [Unicode.Scalar: Unicode.Scalar] = [
        "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ", "e": "ℯ", "g": "ℊ", "o": "ℴ",
      ]
      if let hole = holes[scalar] { return hole }
      if upper { return offset(0x1D49C, from: 0x41) }
      if lower { return offset(0x1D4B6, from: 0x61) }
    case .sansSerif:
      if upper { return offset(0x1D5A0, from: 0x41) }
      if lower { return offset(0x1D5BA, from: 0x61) }
      if digit { return offset(0x1D7E2, from: 0x30) }
    case .monospace:
      if upper { return offset(0x1D670, from: 0x41) }
      if lower { return offset(0x1D68A, from: 0x61) }
      if digit { return offset(0x1D7F6, from: 0x30) }
    }
    return scalar
  }

  /// `text` with every letter and digit mapped.
  func map(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.append(contentsOf: text.unicodeScalars.map(map))
    return result
  }
}
