/// Result records encoded where they are sent from.
extension WireFormat {
  /// Appends a `value` item record, encoding the value straight into `bytes` (a 50 MB result is copied
  /// once, not three times); a value that cannot be encoded becomes an `unencodable` record that says why.
  /// A result of 4 GiB or more gets a wide length field (see `WireFormat+Lengths`).
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
    patchLength(at: start + 1, in: &bytes)
  }
}

/// Large result messages read without regrowing the read buffer.
extension WireFormat {
  /// When `buffer` starts with the header of a message it does not hold whole yet, reserves room for all
  /// of it: a 50 MB result is then read into one allocation instead of doubling its way there (which
  /// copied it about twice more and touched twice the memory).
  static func reserveForPartialMessage(in buffer: inout [UInt8]) {
    guard let (length, fieldSize) = buffer.withUnsafeBytes({ lengthField(in: $0, at: 0) }) else { return }
    if length + fieldSize > buffer.capacity { buffer.reserveCapacity(length + fieldSize) }
  }
}
