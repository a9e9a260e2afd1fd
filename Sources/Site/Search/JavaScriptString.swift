/// JavaScript string literals for the search scripts, which carry lesson text (untrusted) into the site: written by
/// `JSONString` (`Style.script`, `Style.scriptInSingleQuotes`).
enum JavaScriptString {
  /// `text` as a double-quoted literal. Besides quotes, backslashes and control characters, `<` and the line and
  /// paragraph separators are escaped, so that no lesson text can close a `<script>` element even if a script is
  /// ever inlined into a page. Works on bytes: the search's documents hold the whole site's text.
  static func literal(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count + 16)
    append(literalOf: text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the literal of `text` to `output`.
  static func append(literalOf text: String, to output: inout [UInt8]) {
    JSONString.append(quoted: text, .script, to: &output)
  }

  /// Appends the literal of `bytes` (UTF-8) to `output`: runs of bytes that need no escape are copied at once.
  static func append(literalOf bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    JSONString.append(quoted: bytes, .script, to: &output)
  }

  /// Appends the literal of `bytes` as it reads inside a single-quoted literal (JSON in a script's string): `"` +
  /// `bytes` escaped twice + `"`, in one pass. The double quotes need no escape in single quotes, so JSON's strings
  /// cost no backslashes of their own.
  static func append(nestedLiteralOf bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    JSONString.append(quoted: bytes, .scriptInSingleQuotes, to: &output)
  }

  /// Appends what goes between the quotes of `bytes`' literal: `bytes` escaped, without the quotes; `nested`, escaped
  /// twice for a double-quoted literal inside a single-quoted one (each escape's backslash escaped; a backslash
  /// four times; a single quote escaped once, as only the outer literal needs it).
  static func append(escaping bytes: UnsafeBufferPointer<UInt8>, nested: Bool = false, to output: inout [UInt8]) {
    JSONString.append(escaping: bytes, nested ? .scriptInSingleQuotes : .script, to: &output)
  }
}
