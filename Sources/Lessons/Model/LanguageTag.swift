/// Language tags as `<html lang>` takes them (BCP 47): `en`, `pt-BR`, `zh-Hant-TW`, `es-419`.
public enum LanguageTag {
  /// Whether `tag` has the shape of a BCP 47 tag: a primary language of 2–3 letters (or 4–8 for registered
  /// ones), then subtags of 1–8 letters or digits, separated by `-`. Enough to keep text that is no language
  /// (a sentence, markup, an empty value) out of the page's `lang` attribute.
  public static func isValid(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let primary = parts.first, (2...8).contains(primary.count), primary.allSatisfy(isASCIILetter),
      parts.count <= 8
    else { return false }
    return parts.dropFirst().allSatisfy { part in
      (1...8).contains(part.count) && part.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) }
    }
  }

  private static func isASCIILetter(_ character: Character) -> Bool {
    ("a"..."z").contains(character) || ("A"..."Z").contains(character)
  }
}
