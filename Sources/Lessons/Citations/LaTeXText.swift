import Foundation

/// Turns the LaTeX BibTeX values hold into plain text: accents (`M{\'e}nager` → Ménager, `K{\"a}ller` → Käller,
/// `{\aa}` → å, `\c{c}` → ç), special letters (`\o`, `\ss`, `\ae`), escaped characters (`\&`, `\%`, `\_`), dashes
/// (`--` → –, `---` → —) and the braces that protect capitals.
enum LaTeXText {
  /// Accent commands and the combining mark each adds.
  private static let accents: [Character: Unicode.Scalar] = [
    "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "\"": "\u{0308}", "~": "\u{0303}", "=": "\u{0304}",
    ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}", "c": "\u{0327}", "k": "\u{0328}",
    "r": "\u{030A}",
  ]
  /// Letter commands.
  private static let letters: [String: String] = [
    "aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "l": "ł",
    "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
  ]

  /// `text` as plain Unicode text, composed (NFC).
  static func plain(_ text: String) -> String {
    var output = ""
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "\\", index + 1 < characters.count {
        let command = characters[index + 1]
        if let mark = accents[command] {
          index += 2
          // The accented letter: `\'e`, `\'{e}`, `\c c`.
          while index < characters.count, characters[index] == " " && command.isLetter { index += 1 }
          var base = ""
          if index < characters.count, characters[index] == "{" {
            var end = index + 1
            while end < characters.count, characters[end] != "}" { end += 1 }
            base = plain(String(characters[(index + 1)..<min(end, characters.count)]))
            index = min(end + 1, characters.count)
          } else if index + 1 < characters.count, characters[index] == "\\",
            let letter = letters[String(characters[index + 1])]
          {
            base = letter == "ı" ? "i" : letter
            index += 2
          } else if index < characters.count {
            base = String(characters[index])
            index += 1
          }
          output += base
          output.unicodeScalars.append(mark)
          continue
        }
        if command.isLetter {
          var end = index + 1
          while end < characters.count, characters[end].isLetter { end += 1 }
          let name = String(characters[(index + 1)..<end])
          if let letter = letters[name] {
            output += letter
            index = end
            if index < characters.count, characters[index] == " " { index += 1 }
            continue
          }
          // An unknown command: keep its argument's text (`\textit{x}` → x, `\emph{x}` → x).
          index = end
          continue
        }
        output.append(command)
        index += 2
        continue
      }
      if character == "{" || character == "}" {
        index += 1
        continue
      }
      if character == "-", index + 1 < characters.count, characters[index + 1] == "-" {
        let triple = index + 2 < characters.count && characters[index + 2] == "-"
        output += triple ? "—" : "–"
        index += triple ? 3 : 2
        continue
      }
      if character == "~" {
        output += "\u{00A0}"
        index += 1
        continue
      }
      output.append(character)
      index += 1
    }
    return output.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" })
      .joined(separator: " ")
  }
}
