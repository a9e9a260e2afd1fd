import LessonProtocol

/// Splits one output stream of a lesson program (stdout or stderr) into the cells that wrote it, by the boundary
/// markers the program writes, as bytes arrive.
///
/// Everything that arrives on the stream between the marker of cell i and the next marker belongs to cell i —
/// including what forked workers and threads wrote before the cell ended, since they write to the same pipe.
/// A marker may start in the middle of a line (a cell that printed without a newline), so the splitter looks for
/// the marker's prefix anywhere and holds back a tail that could be the start of one. Markers hold the run's
/// secret, so a cell cannot print one. Each cell keeps at most
/// `limit` bytes; the rest is counted and dropped.
struct CellOutputSplitter {
  private let prefix: [UInt8]
  private let limit: Int
  private var pending: [UInt8] = []
  /// The cell receiving output now; -1 before the first marker (the program's prologue).
  private(set) var currentCell = -1
  /// Bytes per cell index, capped at `limit`.
  private(set) var outputs: [Int: [UInt8]] = [:]
  /// Cells whose output went over `limit`, with the number of bytes dropped.
  private(set) var dropped: [Int: Int] = [:]

  /// Cells whose marker arrived: they began, whatever the control channel said.
  private(set) var marked: Set<Int> = []
  /// True once the marker written after the last cell arrived: every cell that began also ended.
  private(set) var sawDone = false

  init(secret: String, limit: Int) {
    prefix = Array(CellMarker.prefix(secret: secret).utf8)
    self.limit = limit
  }

  /// Takes newly read bytes.
  mutating func append(_ bytes: some Collection<UInt8>) {
    pending.append(contentsOf: bytes)
    process(final: false)
  }

  /// Takes whatever is held back once the stream has ended.
  mutating func finish() {
    process(final: true)
  }

  private mutating func process(final: Bool) {
    var start = 0
    while let markerStart = firstIndex(of: prefix[0], in: pending, from: start) {
      let available = pending.count - markerStart
      let comparable = min(available, prefix.count)
      guard pending[markerStart..<(markerStart + comparable)].elementsEqual(prefix[0..<comparable]) else {
        start = markerStart + 1
        continue
      }
      // A possible marker: complete when its line has ended.
      let digitsStart = markerStart + prefix.count
      guard available > prefix.count, let newline = firstIndex(of: 10, in: pending, from: digitsStart) else {
        if final { break }
        emit(pending[0..<markerStart])
        pending.removeFirst(markerStart)
        return
      }
      emit(pending[0..<markerStart])
      let digits = String(decoding: pending[digitsStart..<newline], as: UTF8.self)
      if let index = Int(digits) {
        currentCell = index
        marked.insert(index)
      } else if digits == CellMarker.doneWord {
        sawDone = true
      }
      pending.removeFirst(newline + 1)
      start = 0
    }
    emit(pending[...])
    pending.removeAll(keepingCapacity: true)
  }

  private mutating func emit(_ bytes: ArraySlice<UInt8>) {
    guard !bytes.isEmpty else { return }
    let cell = max(currentCell, 0)
    let kept = outputs[cell, default: []].count
    let room = max(limit - kept, 0)
    outputs[cell, default: []].append(contentsOf: bytes.prefix(room))
    if bytes.count > room { dropped[cell, default: 0] += bytes.count - room }
  }

  private func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
    start < bytes.count ? bytes[start...].firstIndex(of: byte) : nil
  }

  /// The text of cell `index` (invalid UTF-8 repaired).
  func text(of index: Int) -> String {
    String(decoding: outputs[index] ?? [], as: UTF8.self)
  }
}
