/// A chart a lesson cell describes and the builder draws: line, bar or scatter, with title, axis labels and
/// one or more series.
///
/// PLACEHOLDER: the charts work fills in the fields and the drawing. The contract others rely on:
/// `Chart` is a Codable value (it travels from the lesson program to the builder and into frozen results),
/// and `SVGChart.render(_:id:)` draws it.
public struct Chart: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case line, bar, scatter
  }

  public var kind: Kind
  public var title: String

  public init(kind: Kind, title: String) {
    self.kind = kind
    self.title = title
  }
}
