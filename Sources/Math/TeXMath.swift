/// TeX math (the subset lessons use: kramdown's `$$…$$`) converted to MathML Core at build time, so formulas render
/// in Chromium, Firefox and Safari without JavaScript or a CDN.
///
/// Three small steps: `TeXTokenizer` (characters → tokens), `TeXParser` (tokens → `MathNode` tree, nesting bounded
/// by `TeXParser.maximumDepth`) and `MathMLWriter` (tree → escaped MathML). Each is linear in the formula's length.
/// Anything outside the subset is a `TeXError`, never a crash: the caller shows the source instead.
public enum TeXMath {
  /// The `<math>` element for `tex`: `display` gives `display="block"` (a formula on its own), otherwise inline.
  /// The TeX source is kept in `alttext` for screen readers and copying. All text is XML-escaped.
  public static func mathML(_ tex: String, display: Bool) throws(TeXError) -> String {
    var parser = TeXParser(tex)
    let tree = try parser.parseFormula()
    var writer = MathMLWriter()
    writer.writeMath(tree, source: tex, display: display)
    return writer.output
  }

  /// Checks that `tex` is in the supported subset, without writing MathML.
  public static func validate(_ tex: String) throws(TeXError) {
    var parser = TeXParser(tex)
    _ = try parser.parseFormula()
  }
}

/// Why a formula cannot be converted: an unknown command, unbalanced braces, a missing argument, too deep nesting.
public struct TeXError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, naming the command or brace ("unknown command \foo").
  public var message: String

  /// Creates an error.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
