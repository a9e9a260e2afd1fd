import Charts

/// What running a lesson's cells produced; stored as JSON next to the lesson (frozen results) and rendered by Site.
///
/// PLACEHOLDER shape: the execution work owns these types and may extend them.
public struct LessonResults: Sendable, Codable {
  /// Hash of the lesson's cell code and of what the program was built with; results are reused while it matches.
  public var key: String
  public var cells: [CellResult]
  public var stamp: EnvironmentStamp

  public init(key: String, cells: [CellResult], stamp: EnvironmentStamp) {
    self.key = key
    self.cells = cells
    self.stamp = stamp
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

  public init(index: Int, stdout: String, stderr: String, seconds: Double, status: CellStatus, charts: [Chart]) {
    self.index = index
    self.stdout = stdout
    self.stderr = stderr
    self.seconds = seconds
    self.status = status
    self.charts = charts
  }
}

/// How a cell ended.
public enum CellStatus: Sendable, Codable, Hashable {
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
