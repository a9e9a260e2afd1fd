/// Splits the bytes of a lesson program's control channel into lines, keeping at most `maximumLineLength` bytes
/// of any line: a longer line is dropped whole (and counted), so a program that writes without newlines cannot
/// make the builder hold more than that.
struct ControlLineReader {
  let maximumLineLength: Int
  /// The start of a line whose newline has not arrived yet.
  private var pending: [UInt8] = []
  /// True while the rest of an over-long line is being skipped.
  private var skipping = false
  /// Lines dropped for being longer than `maximumLineLength`.
  private(set) var overlongLines = 0

  init(maximumLineLength: Int) {
    self.maximumLineLength = maximumLineLength
  }

  /// Takes newly read bytes and calls `line` with each line they complete (without its newline), in order.
  /// Linear in the bytes read: a megabyte of newlines is a million calls, never a quadratic shuffle.
  mutating func append(_ chunk: ArraySlice<UInt8>, line: (ArraySlice<UInt8>) -> Void) {
    var rest = chunk
    while let newline = rest.firstIndex(of: 10) {
      let piece = rest[rest.startIndex..<newline]
      rest = rest[(newline + 1)...]
      if skipping {
        skipping = false
      } else if pending.count + piece.count > maximumLineLength {
        overlongLines += 1
      } else if pending.isEmpty {
        line(piece)
      } else {
        pending.append(contentsOf: piece)
        line(pending[...])
      }
      pending.removeAll(keepingCapacity: true)
    }
    guard !skipping else { return }
    if pending.count + rest.count > maximumLineLength {
      overlongLines += 1
      skipping = true
      pending = []
    } else {
      pending.append(contentsOf: rest)
    }
  }
}
