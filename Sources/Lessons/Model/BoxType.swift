/// The type of a GTN box, from the class on its closing line (`{: .hands_on}`).
public struct BoxType: Sendable, Hashable, CustomStringConvertible {
  /// The normalised name: lowercase, `hands-on` written `hands_on`.
  public var name: String

  /// Creates a type from a class or title-tag name, normalising `hands-on` to `hands_on`.
  public init(_ name: String) {
    let lower = name.lowercased()
    self.name = lower == "hands-on" ? "hands_on" : lower
  }

  /// Every box type GTN knows.
  public static let known: Set<String> = [
    "agenda", "code-in", "code-out", "code-2col", "comment", "details", "feedback", "hands_on", "hidden", "matrix",
    "overview", "question", "quote", "solution", "spoken", "tip", "warning", "key_points", "objectives",
  ]

  /// True when GTN knows the type; unknown types render as neutral boxes.
  public var isKnown: Bool { Self.known.contains(name) }

  /// Solution, details and tip boxes start closed on the page.
  public var isCollapsible: Bool { name == "solution" || name == "details" || name == "tip" }

  /// The label of the box's title bar when the author gave no title ("Hands-on", "Question", …).
  public var label: String {
    switch name {
    case "hands_on": return "Hands-on"
    case "code-in": return "Input"
    case "code-out": return "Output"
    case "code-2col": return "Code"
    case "key_points": return "Key points"
    default:
      guard let first = name.first else { return "" }
      return first.uppercased() + name.dropFirst()
    }
  }

  /// The name.
  public var description: String { name }
}
