/// The state of one streaming encode: the output bytes and the containers still open, innermost last.
///
/// `StreamEncoder` writes each value where it belongs as it is encoded, so the output is built in one pass
/// with no object per value. That needs containers used in nesting order — a container is written to only
/// while the containers opened after it are finished — which synthesized and most hand-written `Codable`
/// conformances do. A write that breaks the order (two nested containers filled in turns, a second value
/// in one slot) sets `outOfOrder`, and `BinaryEncoder` encodes the value again with its tree encoder.
final class StreamWriter {
  var bytes: [UInt8] = []
  /// Set when a container was used out of nesting order: this encode's bytes are unusable.
  private(set) var outOfOrder = false
  private var frames: [Frame] = []
  private var lastSlot = 0

  /// An open container: the slot whose value it is, where its tag is, its item count, and the slot of an
  /// item handed out as an encoder (`superEncoder`) that must hold a value before the next item.
  private struct Frame {
    let slot: Int
    let start: Int
    let isObject: Bool
    var count = 0
    var pending: Slot?
  }

  /// A place for one value: its id, and the output length and open-container depth when it was created.
  /// It is empty while both are unchanged.
  struct Slot {
    let id: Int
    let start: Int
    let depth: Int
  }

  /// Thrown by a write that breaks nesting order; `BinaryEncoder` catches it and falls back.
  struct OutOfOrder: Error {}

  func makeSlot() -> Slot {
    lastSlot += 1
    return Slot(id: lastSlot, start: bytes.count, depth: frames.count)
  }

  func isEmpty(_ slot: Slot) -> Bool { bytes.count == slot.start && frames.count == slot.depth }

  /// Gives `slot` a container: the one it already has if still open (`encoder.container` asked twice), or
  /// a new one if the slot is empty. Returns false, and marks the encode out of order, otherwise.
  @discardableResult
  func openContainer(in slot: Slot, object: Bool) -> Bool {
    if let index = frames.lastIndex(where: { $0.slot == slot.id }) {
      closeFrames(above: index)
      if frames[index].isObject == object { return true }
    } else if isEmpty(slot) {
      frames.append(
        Frame(slot: slot.id, start: BinaryFormat.beginContainer(object: object, in: &bytes), isObject: object))
      return true
    }
    outOfOrder = true
    return false
  }

  /// Prepares the container of `slot` for its next item: finishes the containers opened after it and fills
  /// an abandoned `superEncoder` slot with null. Throws `OutOfOrder` if the container is already finished.
  func beginItem(in slot: Int) throws(OutOfOrder) {
    guard let last = frames.last, last.slot == slot else {
      guard let index = frames.lastIndex(where: { $0.slot == slot }) else {
        outOfOrder = true
        throw OutOfOrder()
      }
      closeFrames(above: index)
      return try beginItem(in: slot)
    }
    if let pending = last.pending {
      fillIfEmpty(pending)
      frames[frames.count - 1].pending = nil
    }
    frames[frames.count - 1].count += 1
  }

  /// Writes `count` items at once into the container of `slot` through `body` (a dictionary's members):
  /// one ordering check and one access to the output instead of one per item.
  func appendItems(in slot: Int, count: Int, _ body: (inout [UInt8]) -> Void) throws(OutOfOrder) {
    guard count > 0 else { return }
    try beginItem(in: slot)
    frames[frames.count - 1].count += count - 1
    body(&bytes)
  }

  /// Marks the item just begun as handed out: `slot` must hold a value before the container's next item.
  func setPending(_ slot: Slot) { frames[frames.count - 1].pending = slot }

  /// The number of items written to the container of `slot`.
  func count(of slot: Int) -> Int { frames.last { $0.slot == slot }?.count ?? 0 }

  /// Encodes `value` into `slot` (which the caller made just now, or found empty).
  func write<T: Encodable>(
    _ value: T, into slot: Slot, codingPath: @autoclosure () -> [any CodingKey], fillIfEmpty fill: Bool = true
  ) throws {
    if BinaryFormat.appendPrimitive(value, to: &bytes) || BinaryFormat.appendRawArray(value, to: &bytes) { return }
    if T.self == [String].self {
      try StringArrays.write(unsafeBitCast(value, to: [String].self), to: self, slot: slot)
    } else if let dictionary = value as? any DirectDictionaryEncodable {
      try dictionary.writeObject(to: self, slot: slot, codingPath: codingPath())
    } else {
      try value.encode(to: StreamEncoder(writer: self, slot: slot, codingPath: codingPath()))
    }
    if fill { fillIfEmpty(slot) }
  }

  /// A value that encoded nothing is written as null, as the tree encoder does.
  func fillIfEmpty(_ slot: Slot) {
    if isEmpty(slot) { bytes.append(BinaryFormat.Tag.null.rawValue) }
  }

  /// Finishes every open container: the output is complete.
  func finish() { closeFrames(above: -1) }

  /// Records a write the stream cannot place (a second value in one slot).
  func markOutOfOrder() -> OutOfOrder {
    outOfOrder = true
    return OutOfOrder()
  }

  private func closeFrames(above index: Int) {
    while frames.count > index + 1 {
      if let pending = frames[frames.count - 1].pending { fillIfEmpty(pending) }
      BinaryFormat.finishContainer(startingAt: frames.removeLast().start, in: &bytes)
    }
  }
}
