import Glibc

/// Reading what workers write: complete messages out of a worker's buffer, into the outcome store.
extension ProcessBatch {
  func parseMessages(of worker: Worker) {
    var consumed = 0
    worker.buffer.withUnsafeBytes { bytes in
      while let (message, next) = WireFormat.nextMessage(in: bytes, at: consumed) {
        consumed = next
        handle(message, in: UnsafeRawBufferPointer(rebasing: bytes[message.payload]))
      }
    }
    if consumed > 0 { worker.buffer.removeFirst(consumed) }
    WireFormat.reserveForPartialMessage(in: &worker.buffer)
  }

  private func handle(_ message: WireFormat.Message, in payload: UnsafeRawBufferPointer) {
    guard message.start >= 0, message.count >= 0, message.count <= store.count - message.start else { return }
    switch message.kind {
    case .raw:
      store.setRaw(payload, start: message.start, count: message.count)
    case .items:
      var offset = 0
      for index in message.start..<(message.start + message.count) {
        guard let (status, bytes, next) = Self.item(in: payload, at: offset) else { return }
        offset = next
        decodeItem(status, bytes, index: index)
      }
    case .shared:
      var failed: Set<Int> = []
      var offset = 0
      while offset + 8 <= payload.count {
        let index = Int(Int64(littleEndian: payload.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
        guard let (status, bytes, next) = Self.item(in: payload, at: offset + 8), index >= 0 else { break }
        offset = next
        failed.insert(index)
        store.setError(TaskErrorCoding.decode(status, bytes, index: index), at: index)
      }
      store.markWritten(start: message.start, count: message.count, except: failed)
    case .initializerFailed:
      let text = String(decoding: payload, as: UTF8.self)
      store.abandon(from: store.base) { _ in .initializerFailed(description: text) }
      // No task can be trusted to run as intended: stop the other workers instead of waiting for them.
      terminated = true
      control.stop()
      for other in workers { kill(other.pid, SIGKILL) }
    }
  }

  /// The record `[UInt8 status][length][bytes]` at `offset`, and the offset after it.
  private static func item(in payload: UnsafeRawBufferPointer, at offset: Int)
    -> (WireFormat.Status, UnsafeRawBufferPointer, Int)?
  {
    guard offset < payload.count, let (length, fieldSize) = WireFormat.lengthField(in: payload, at: offset + 1) else {
      return nil
    }
    let status = WireFormat.Status(rawValue: payload[offset]) ?? .unencodable
    let start = offset + 1 + fieldSize
    guard payload.count - start >= length else { return nil }
    return (status, UnsafeRawBufferPointer(rebasing: payload[start..<(start + length)]), start + length)
  }

  private func decodeItem(_ status: WireFormat.Status, _ bytes: UnsafeRawBufferPointer, index: Int) {
    switch status {
    case .value:
      if Output.self is any BitwiseResult.Type, bytes.count == MemoryLayout<Output>.size {
        store.setValue(bytes.loadUnaligned(as: Output.self), at: index)
        return
      }
      do {
        store.setValue(try BinaryDecoder().decode(Output.self, from: bytes), at: index)
      } catch {
        store.setError(.encoding(index: index, description: String(describing: error)), at: index)
      }
    case .threw, .threwCodable:
      store.setError(TaskErrorCoding.decode(status, bytes, index: index), at: index)
    case .unencodable:
      store.setError(.encoding(index: index, description: String(decoding: bytes, as: UTF8.self)), at: index)
    }
  }
}
