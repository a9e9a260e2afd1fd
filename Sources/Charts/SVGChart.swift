/// Draws a `Chart` as inline SVG: axes with round tick values, grid, tick and axis labels, title, legend,
/// `<title>` and `<desc>` (the chart's `altText`), no JavaScript.
///
/// Colours hold in light and dark pages: text, axes and grid use `currentColor` (the page's text colour) and the
/// series use a palette defined as CSS custom properties in a `<style>` scoped to the chart's id, with a lighter
/// set under `prefers-color-scheme: dark`. A site stylesheet can restyle through the classes `lc-chart`,
/// `lc-grid`, `lc-axis`, `lc-title`, `lc-label`, `lc-tick`, `lc-series-N` and the properties `--lc-color-N`.
/// Series also differ by dash pattern and marker shape, so they stay apart without colour.
public enum SVGChart {
  /// An `<svg>` element for `chart`; `id` keeps ids and the scoped style unique when several charts share a page
  /// (characters other than letters, digits, `-` and `_` become `-`). Any chart draws, whatever its numbers:
  /// points that cannot be drawn are left out and named in the `<desc>` (see `Chart.drawingNotes`).
  public static func render(_ chart: Chart, id: String) -> String {
    SVGChartDrawing(chart: chart.drawable, id: XMLText.identifier(id), notes: chart.drawingNotes).svg()
  }
}
