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
    guard message.start >= 0, message.count >= 0, message.start + message.count <= store.count else { return }
    switch message.kind {
    case .raw:
      store.setRaw(payload, start: message.start, count: message.count)
    case .items:
      var offset = 0
      for index in message.start..<(message.start + message.count) {
        guard offset + 5 <= payload.count else { return }
        let status = WireFormat.Status(rawValue: payload[offset]) ?? .unencodable
        let length = Int(UInt32(littleEndian: payload.loadUnaligned(fromByteOffset: offset + 1, as: UInt32.self)))
        offset += 5
        guard offset + length <= payload.count else { return }
        let bytes = UnsafeRawBufferPointer(rebasing: payload[offset..<(offset + length)])
        offset += length
        decodeItem(status, bytes, index: index)
      }
    case .shared:
      var failed: Set<Int> = []
      var offset = 0
      while offset + 12 <= payload.count {
        let index = Int(Int64(littleEndian: payload.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
        let length = Int(UInt32(littleEndian: payload.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)))
        offset += 12
        guard offset + length <= payload.count, (0..<store.count).contains(index) else { break }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: payload[offset..<(offset + length)]), as: UTF8.self)
        offset += length
        failed.insert(index)
        store.setError(.taskFailed(index: index, description: text), at: index)
      }
      store.markWritten(start: message.start, count: message.count, except: failed)
    case .initializerFailed:
      let text = String(decoding: payload, as: UTF8.self)
      for index in store.pendingIndices { store.setError(.initializerFailed(description: text), at: index) }
      // No task can be trusted to run as intended: stop the other workers instead of waiting for them.
      terminated = true
      control.stopped = true
      for other in workers { kill(other.pid, SIGKILL) }
    }
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
    case .threw:
      store.setError(.taskFailed(index: index, description: String(decoding: bytes, as: UTF8.self)), at: index)
    case .unencodable:
      store.setError(.encoding(index: index, description: String(decoding: bytes, as: UTF8.self)), at: index)
    }
  }
}
