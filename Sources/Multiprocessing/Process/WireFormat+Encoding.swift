/// Result records encoded where they are sent from.
extension WireFormat {
  /// Appends a `value` item record, encoding the value straight into `bytes` (a 50 MB result is copied
  /// once, not three times); a value that cannot be encoded, or whose bytes exceed the record's 4 GiB
  /// length field, becomes an `unencodable` record that says why.
  static func appendEncodedItem(_ value: some Encodable, to bytes: inout [UInt8]) {
    let start = bytes.count
    bytes.append(Status.value.rawValue)
    append(UInt32(0), to: &bytes)
    do {
      try BinaryEncoder().encode(value, appendingTo: &bytes)
    } catch {
      bytes.removeSubrange(start...)
      appendItem(.unencodable, String(describing: error).utf8, to: &bytes)
      return
    }
    guard let length = UInt32(exactly: bytes.count - start - 5) else {
      let size = bytes.count - start - 5
      bytes.removeSubrange(start...)
      appendItem(.unencodable, "the encoded result takes \(size) bytes, more than 4 GiB".utf8, to: &bytes)
      return
    }
    withUnsafeBytes(of: length.littleEndian) { raw in
      for offset in 0..<4 { bytes[start + 1 + offset] = raw[offset] }
    }
  }
}

/// Large result messages read without regrowing the read buffer.
extension WireFormat {
  /// When `buffer` starts with the header of a message it does not hold whole yet, reserves room for all
  /// of it: a 50 MB result is then read into one allocation instead of doubling its way there (which
  /// copied it about twice more and touched twice the memory).
  static func reserveForPartialMessage(in buffer: inout [UInt8]) {
    guard buffer.count >= 4 else { return }
    let length = buffer.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
    if length + 4 > buffer.capacity { buffer.reserveCapacity(length + 4) }
  }
}
