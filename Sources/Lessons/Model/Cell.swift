/// A fenced code block whose language is `swift`: a cell the builder compiles and runs.
///
/// The cells of a lesson run in order in one program and share its state, like a notebook's.
public struct Cell: Sendable, Hashable, Codable {
  /// 0-based position among the lesson's Swift cells.
  public var index: Int
  /// The code as shown, without the leading `//|` option lines.
  public var code: String
  /// How to run and show the cell.
  public var options: CellOptions
  /// 1-based line in the lesson file of the cell's first code line (after the fence and option lines),
  /// so that compiler diagnostics can be mapped back to the lesson.
  public var line: Int
  /// Lines of the whole fence in the lesson file, opening to closing line (nil when unknown), so that tools such
  /// as a notebook export can cut the lesson's text around its cells.
  public var fenceLines: ClosedRange<Int>? = nil

  /// Creates a cell.
  public init(index: Int, code: String, options: CellOptions = CellOptions(), line: Int) {
    self.index = index
    self.code = code
    self.options = options
    self.line = line
  }
}

/// Per-cell options, from the fence's info string (```` ```swift run=false ````) or leading `//| key: value` lines,
/// as Quarto's `#|`.
public struct CellOptions: Sendable, Hashable, Codable {
  /// `run: false` shows the code but never runs it.
  public var run: Bool = true
  /// `echo: false` runs the code but hides it on the page.
  public var echo: Bool = true
  /// `output: false` runs the code but hides its output.
  public var output: Bool = true
  /// `timeout: 30`: seconds before the program is killed; nil means the builder's default (60 s).
  public var timeout: Double?
  /// `error: expected`: an error thrown by this cell is part of the lesson; later cells run on.
  public var errorExpected: Bool = false

  /// The defaults: run, echo and show output, the builder's timeout, errors unexpected.
  public init() {}
}
