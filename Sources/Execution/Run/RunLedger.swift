import Charts
import LessonProtocol

/// What the builder believes about a run, from the control lines it accepts; the builder owns the deadlines.
///
/// Cells may only begin in the program's order, each once, and end or throw while they run, so a line written
/// out of turn (a cell repeating `cell-begin 0` to win time, a forged `cell-threw`) changes nothing: each cell's
/// deadline is set once, when it begins, and the whole run is bounded by the sum of the cells' timeouts and
/// the gaps between them. Everything kept is bounded too: lines without the run's secret are only counted, a
/// few rejected lines are kept as samples, chart JSON and error messages have a size limit.
struct RunLedger {
  /// The runnable cells in program order, with the seconds each may run.
  let order: [Int]
  let timeouts: [Int: Double]
  /// Seconds allowed outside cells (start-up, between cells, after the last).
  let gapTimeout: Double

  /// The cell running now.
  private(set) var current: Int?
  private var currentBegan = 0.0
  /// Position in `order` of the next cell allowed to begin.
  private var nextPosition = 0
  /// When the run must be stopped.
  private(set) var deadline: Double

  private(set) var began: [Int] = []
  private(set) var seconds: [Int: Double] = [:]
  private(set) var threw: [Int: String] = [:]
  private(set) var charts: [Int: [Chart]] = [:]
  /// The cell each process of the run was first reported alive at the end of (`ProcessTable.Entry.identity`).
  private(set) var startedBy: [String: Int] = [:]
  private var chartBytes = 0

  private var unauthenticated = 0
  private var rejected = 0
  private var samples: [String] = []
  private var chartsDropped = 0

  /// Bytes of chart JSON kept per run; beyond it charts are dropped and counted.
  static let chartBytesLimit = 32 << 20
  /// Characters of an expected error's message kept.
  static let messageLimit = 16 << 10
  /// Processes whose cell is remembered.
  static let processLimit = 10_000
  /// Rejected lines quoted in warnings.
  static let sampleLimit = 3

  init(order: [Int], timeouts: [Int: Double], gapTimeout: Double, started: Double) {
    self.order = order
    self.timeouts = timeouts
    self.gapTimeout = gapTimeout
    deadline = started + gapTimeout
  }

  /// Seconds since the running cell began, for a cell that never ended.
  func runningSeconds(at now: Double) -> Double? { current.map { _ in now - currentBegan } }

  /// Takes one message received at `now`.
  mutating func take(_ message: ControlMessage, at now: Double) {
    switch message {
    case .cellBegin(let index) where current == nil && nextPosition < order.count && order[nextPosition] == index:
      current = index
      currentBegan = now
      nextPosition += 1
      began.append(index)
      deadline = now + (timeouts[index] ?? gapTimeout)
    case .cellEnd(let index, let reported) where index == current:
      // The program's own measure is the finer one, but only within what the builder saw.
      let measured = now - currentBegan
      seconds[index] = reported.isFinite ? min(max(reported, 0), measured) : measured
      current = nil
      deadline = now + gapTimeout
    case .cellProcesses(let index, let identities) where index == current:
      for identity in identities where startedBy.count < Self.processLimit && startedBy[identity] == nil {
        startedBy[identity] = index
      }
    case .cellThrew(let index, let message) where index == current:
      threw[index] = message.count > Self.messageLimit ? String(message.prefix(Self.messageLimit)) + "…" : message
    case .chart(let json):
      take(chart: json)
    case .done where current == nil:
      break
    case .unauthenticated:
      unauthenticated += 1
    default:
      reject(message.payload)
    }
  }

  private mutating func take(chart json: String) {
    guard chartBytes + json.utf8.count <= Self.chartBytesLimit else {
      chartsDropped += 1
      return
    }
    do {
      let chart = try Chart.decode(json: json)
      chartBytes += json.utf8.count
      charts[current ?? began.last ?? order.first ?? 0, default: []].append(chart)
    } catch {
      reject("a chart that could not be read (\(error)): \(json)")
    }
  }

  private mutating func reject(_ text: String) {
    rejected += 1
    if samples.count < Self.sampleLimit { samples.append(String(text.prefix(200))) }
  }

  /// Warnings about what was not believed or not kept, a few lines however much the program wrote.
  func problems(overlongLines: Int) -> [String] {
    var result: [String] = []
    if unauthenticated > 0 {
      result.append(
        "\(unauthenticated) control line(s) without the run's secret were ignored (something other than the "
          + "cells' scaffolding wrote to the builder's channel)")
    }
    if rejected > 0 {
      let quoted = samples.map { "\"\($0)\"" }.joined(separator: ", ")
      result.append("\(rejected) control line(s) out of turn or not understood were ignored, e.g. \(quoted)")
    }
    if overlongLines > 0 {
      result.append("\(overlongLines) control line(s) longer than the limit were dropped")
    }
    if chartsDropped > 0 {
      result.append("\(chartsDropped) chart(s) dropped: the lesson's charts passed \(Self.chartBytesLimit >> 20) MB")
    }
    return result
  }
}
