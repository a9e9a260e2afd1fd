/// A chart a lesson cell describes and the builder draws: line, bar or scatter, with a title, axis labels and one
/// or more named series.
///
/// A `Chart` is a plain value: it travels from the lesson program to the builder as one line of JSON
/// (`controlLine`, `decode(controlLine:)`), is stored in frozen results through `Codable`, and is drawn by
/// `SVGChart.render(_:id:)`. Build one with `Chart.line(title:x:y:)` (or `bar`, `scatter`) and `add(_:x:y:)`.
public struct Chart: Sendable, Hashable, Codable {
  /// How the series are drawn.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// Points joined in x order, with markers.
    case line
    /// One bar per category and series, grouped by category; the y axis starts at zero.
    case bar
    /// Markers only.
    case scatter
  }

  /// One point of a series.
  public struct Point: Sendable, Hashable, Codable {
    /// The x value (for a bar chart, the index of the category in `Chart.categories`).
    public var x: Double
    /// The y value.
    public var y: Double
    /// A point.
    public init(x: Double, y: Double) {
      self.x = x
      self.y = y
    }
  }

  /// A named sequence of points, drawn in one colour and shown in the legend.
  public struct Series: Sendable, Hashable, Codable {
    /// The name in the legend, e.g. `ProcessPool`.
    public var name: String
    /// The points, in the order given.
    public var points: [Point]
    /// A series.
    public init(name: String, points: [Point]) {
      self.name = name
      self.points = points
    }
  }

  /// Line, bar or scatter.
  public var kind: Kind
  /// The title shown above the chart and in its `<title>`.
  public var title: String
  /// The x axis label, e.g. `Pool Size`.
  public var xLabel: String
  /// The y axis label, e.g. `time (s)`.
  public var yLabel: String
  /// For bar charts, the category names along the x axis; a point's x is an index into this list.
  public var categories: [String]
  /// The series, in legend order.
  public var series: [Series]

  /// A chart; usually made with `line(title:x:y:)`, `bar(title:x:y:)` or `scatter(title:x:y:)` then `add`.
  public init(
    kind: Kind, title: String, xLabel: String = "", yLabel: String = "", categories: [String] = [],
    series: [Series] = []
  ) {
    self.kind = kind
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.categories = categories
    self.series = series
  }
}
