/// Draws a `Chart` as inline SVG.
///
/// PLACEHOLDER: implemented by the charts work.
public enum SVGChart {
  /// An `<svg>` element for `chart`; `id` keeps ids unique when several charts share a page.
  public static func render(_ chart: Chart, id: String) -> String {
    "<svg role=\"img\" id=\"\(id)\"><title>chart</title></svg>"
  }
}
