import Foundation
import Testing

/// WCAG AA contrast (4.5:1 for body-size text) of the stylesheet's colour pairs, in the light and the dark theme,
/// computed from the custom properties of templates/assets/style.css.
@Suite("Stylesheet contrast")
struct StyleContrastTests {
  /// The `--name: #rrggbb` properties of the light theme (`:root`) and of the dark one (light overridden by the
  /// `prefers-color-scheme: dark` block).
  static func themes() throws -> (light: [String: String], dark: [String: String]) {
    let css = try String(
      contentsOf: BodyTestSupport.packageRoot.appendingPathComponent("templates/assets/style.css"), encoding: .utf8)
    guard let darkStart = css.range(of: "@media (prefers-color-scheme: dark)"),
      let pageStart = css.range(of: "/* ---- Page")
    else { throw ContrastError("style.css has no dark theme block") }
    func properties(_ text: Substring) -> [String: String] {
      var found: [String: String] = [:]
      for match in text.matches(of: /--([\w-]+):\s*(#[0-9a-fA-F]{6})/) { found[String(match.1)] = String(match.2) }
      return found
    }
    let light = properties(css[..<darkStart.lowerBound])
    let dark = light.merging(properties(css[darkStart.lowerBound..<pageStart.lowerBound])) { _, new in new }
    return (light, dark)
  }

  struct ContrastError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// The relative luminance of `#rrggbb` (WCAG 2.x).
  static func luminance(_ hex: String) -> Double {
    let value = Int(hex.dropFirst(), radix: 16) ?? 0
    let channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map { Double($0) / 255 }
    let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
  }

  static func ratio(_ first: String, _ second: String) -> Double {
    let (a, b) = (luminance(first), luminance(second))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  /// Text colour → background pairs the pages use.
  static let pairs: [(String, String)] = {
    var pairs = [("fg", "bg"), ("muted", "bg"), ("muted", "code-bg"), ("muted", "box-bg"), ("link", "bg"),
      ("link-visited", "bg"), ("code-fg", "code-bg")]
    for box in ["overview", "agenda", "hands-on", "question", "solution", "tip", "comment", "details", "warning",
      "key-points"]
    {
      pairs += [(box, box + "-bg"), (box, "bg"), ("fg", box + "-bg"), ("link", box + "-bg")]
    }
    for token in ["tok-kw", "tok-type", "tok-str", "tok-num", "tok-com", "tok-fn", "tok-attr"] { pairs.append((token, "code-bg")) }
    return pairs
  }()

  @Test("every text colour meets 4.5:1 on its background in both themes (question titles were 4.34:1)")
  func contrast() throws {
    let (light, dark) = try Self.themes()
    for (name, theme) in [("light", light), ("dark", dark)] {
      for (text, background) in Self.pairs {
        guard let foreground = theme[text], let back = theme[background] else {
          Issue.record("\(name): --\(text) or --\(background) is missing")
          continue
        }
        let ratio = Self.ratio(foreground, back)
        #expect(ratio >= 4.5, "\(name): --\(text) \(foreground) on --\(background) \(back) is \(ratio):1")
      }
    }
  }

  @Test("the computation matches WCAG's reference values")
  func reference() {
    #expect(abs(Self.ratio("#000000", "#ffffff") - 21) < 0.01)
    #expect(abs(Self.ratio("#b35c00", "#fdf4ea") - 4.34) < 0.01)
  }
}
