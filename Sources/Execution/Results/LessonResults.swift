import Charts
import Lessons

/// What running a lesson's cells produced; stored as JSON next to the lesson (frozen results) and rendered by Site.
///
/// `cells` holds one entry per Swift cell of the lesson, in order (`cells[i].index == i`), including cells that
/// did not run (with a `notRun` status saying why).
public struct LessonResults: Sendable, Codable {
  /// Hash of the lesson's cell code and of what the program was built with (`inputs.combined`).
  public var key: String
  /// The parts of the key, compared one by one so that a builder without a compiler can still reuse results.
  public var inputs: ResultsKey
  public var cells: [CellResult]
  public var stamp: EnvironmentStamp

  /// Creates results; `inputs` defaults to a key made of `key` alone.
  public init(key: String, cells: [CellResult], stamp: EnvironmentStamp, inputs: ResultsKey? = nil) {
    self.key = key
    self.inputs = inputs ?? ResultsKey(cells: key, toolchain: nil, libraries: nil)
    self.cells = cells
    self.stamp = stamp
  }

  /// The result of the cell with `index`, if any.
  public func result(for index: Int) -> CellResult? {
    cells.first { $0.index == index }
  }

  private enum CodingKeys: String, CodingKey {
    case key, inputs, cells, stamp
  }

  /// Decodes results, checking what the rest of the builder relies on: a results file is committed text anyone
  /// can edit, so `cells[i].index` must be `i` (else the file is refused as corrupt), byte counts are held
  /// to a sane range and the stamp's text (which the page shows through its template) has its control
  /// characters shown as pictures. Times and chart values are kept as written; the page shows an impossible time as unknown
  /// and draws what of a chart can be drawn, and `diagnostics(for:)` warns about both.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    key = try container.decode(String.self, forKey: .key)
    inputs = try container.decode(ResultsKey.self, forKey: .inputs)
    stamp = try container.decode(EnvironmentStamp.self, forKey: .stamp).withControlPictures
    cells = try container.decode([CellResult].self, forKey: .cells)
    for (position, cell) in cells.enumerated() where cell.index != position {
      throw DecodingError.dataCorruptedError(
        forKey: .cells, in: container, debugDescription: "cell \(position + 1) is stored with index \(cell.index)")
    }
    for position in cells.indices {
      cells[position].droppedBytes = min(max(cells[position].droppedBytes, 0), CellResult.maximumDroppedBytes)
    }
  }
}

/// The outcome of one cell.
public struct CellResult: Sendable, Codable {
  public var index: Int
  public var stdout: String
  public var stderr: String
  /// Wall time of the cell in seconds.
  public var seconds: Double
  public var status: CellStatus
  public var charts: [Chart]
  /// Bytes of output dropped because the cell printed more than the builder keeps (1 MB per stream); 0 normally.
  public var droppedBytes: Int
  /// Compiler errors in this cell's code, at the lesson's path relative to the content folder, line and column.
  public var diagnostics: [Diagnostic]

  /// Creates a cell result; `droppedBytes` and `diagnostics` default to none.
  public init(
    index: Int, stdout: String, stderr: String, seconds: Double, status: CellStatus, charts: [Chart],
    droppedBytes: Int = 0, diagnostics: [Diagnostic] = []
  ) {
    self.index = index
    self.stdout = stdout
    self.stderr = stderr
    self.seconds = seconds
    self.status = status
    self.charts = charts
    self.droppedBytes = droppedBytes
    self.diagnostics = diagnostics
  }
}

/// How a cell ended.
public enum CellStatus: Sendable, Codable, Hashable {
  /// True for a failure the lesson did not expect: an unexpected error, a crash or a timeout (cells that did not
  /// run are a consequence, not a failure of their own).
  public var isUnexpectedFailure: Bool {
    switch self {
    case .succeeded: false
    case .failed(_, let expected): !expected
    case .crashed, .timedOut: true
    case .notRun: false
    }
  }

  /// The `notRun` reason of a cell marked `run: false`.
  public static let runFalseReason = "run: false"
  /// The `notRun` reason of cells after a failure.
  public static let earlierFailureReason = "an earlier cell failed"
  /// The `notRun` reason of every runnable cell of a lesson whose program did not compile.
  public static let compileFailureReason = "the lesson's program did not compile"

  case succeeded
  /// The cell threw; `expected` when the cell is marked `error: expected`.
  case failed(message: String, expected: Bool)
  /// The program died from a signal during this cell.
  case crashed(signal: Int32, description: String)
  case timedOut(seconds: Double)
  /// Not run, and why (an earlier cell failed, `run: false`, the program did not compile).
  case notRun(reason: String)
}

/// When and on what a lesson's cells ran, shown on the page so that readers know what the numbers mean.
public struct EnvironmentStamp: Sendable, Codable, Hashable {
  /// The stamp with control characters in its text shown as pictures (see `ControlPictures`).
  var withControlPictures: EnvironmentStamp {
    var copy = self
    for path in [\EnvironmentStamp.date, \.operatingSystem, \.cpuModel, \.swiftVersion] {
      copy[keyPath: path] = ControlPictures.replacing(in: copy[keyPath: path])
    }
    copy.servers = servers.map(ControlPictures.replacing(in:))
    return copy
  }

  /// ISO 8601 date and time of the run.
  public var date: String
  public var operatingSystem: String
  public var cpuModel: String
  public var logicalCPUs: Int
  public var memoryBytes: UInt64
  public var swiftVersion: String
  /// Wall time of the whole lesson program, compile excluded.
  public var totalSeconds: Double
  /// `stand-in` or `live`, for lessons that talk to servers; nil otherwise.
  public var servers: String?

  public init(
    date: String, operatingSystem: String, cpuModel: String, logicalCPUs: Int, memoryBytes: UInt64,
    swiftVersion: String, totalSeconds: Double, servers: String? = nil
  ) {
    self.date = date
    self.operatingSystem = operatingSystem
    self.cpuModel = cpuModel
    self.logicalCPUs = logicalCPUs
    self.memoryBytes = memoryBytes
    self.swiftVersion = swiftVersion
    self.totalSeconds = totalSeconds
    self.servers = servers
  }
}
