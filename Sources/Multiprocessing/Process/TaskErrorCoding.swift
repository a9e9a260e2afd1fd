internal import SystemCalls

/// How a task's error crosses from a worker process to the caller.
///
/// An error whose type is `Codable` travels as itself: the worker writes its type's mangled name, the address
/// of its type metadata and its `BinaryEncoder` bytes; the caller, running the same program, finds the type by
/// its name, or (for private and local types, which a name cannot reach) at that address, which a fork keeps:
/// accepted only when it lies in a loaded image (static metadata, never a pointer into the worker's heap) and
/// names the same type. `PoolError.taskThrew` then hands the caller the error the task threw. Any other error
/// (or one that fails to encode or decode) travels as its description, as `PoolError.taskFailed`.
enum TaskErrorCoding {
  /// Touches, before a fork, what encoding an error needs in the child (see `WorkerProcess.prepare`).
  static func prepare() -> Bool { _mangledTypeName(Int.self) != nil }

  /// Appends `error` as one item record (`WireFormat.appendItem`) of status `.threwCodable` or `.threw`.
  static func append(_ error: any Error, to bytes: inout [UInt8]) {
    let description = Array(String(describing: error).utf8)
    if let codable = error as? any Encodable, let name = _mangledTypeName(type(of: error)),
      let payload = try? BinaryEncoder().encode(codable)
    {
      var record: [UInt8] = []
      let nameBytes = Array(name.utf8)
      WireFormat.appendLength(nameBytes.count, to: &record)
      record += nameBytes
      WireFormat.appendLength(8, to: &record)
      let metadata = UInt(bitPattern: ObjectIdentifier(type(of: error) as Any.Type))
      WireFormat.append(UInt64(metadata), to: &record)
      WireFormat.appendLength(description.count, to: &record)
      record += description
      record += payload
      WireFormat.appendItem(.threwCodable, record, to: &bytes)
      return
    }
    WireFormat.appendItem(.threw, description, to: &bytes)
  }

  /// The caller's error for task `index` from a record of status `.threw` or `.threwCodable`.
  static func decode(_ status: WireFormat.Status, _ bytes: UnsafeRawBufferPointer, index: Int) -> PoolError {
    guard status == .threwCodable else {
      return .taskFailed(index: index, description: String(decoding: bytes, as: UTF8.self))
    }
    var offset = 0
    func field() -> UnsafeRawBufferPointer? {
      guard let (length, fieldSize) = WireFormat.lengthField(in: bytes, at: offset),
        bytes.count - offset - fieldSize >= length
      else { return nil }
      let start = offset + fieldSize
      offset = start + length
      return UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
    }
    guard let nameBytes = field(), let address = field(), address.count == 8, let description = field() else {
      return .taskFailed(index: index, description: "(garbled error record)")
    }
    let text = String(decoding: description, as: UTF8.self)
    let name = String(decoding: nameBytes, as: UTF8.self)
    let payload = Array(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
    let metadata = UInt(UInt64(littleEndian: address.loadUnaligned(as: UInt64.self)))
    guard let type = (_typeByName(name) ?? staticType(at: metadata, named: name)) as? any (Error & Decodable).Type,
      let error = try? decodeError(type, payload)
    else { return .taskFailed(index: index, description: text) }
    return .taskThrew(index: index, error: error)
  }

  /// The type whose metadata is at `address` in this process, if that address lies in a loaded image (so it
  /// is static metadata that the fork shared, not the worker's heap) and the type there has `name`.
  private static func staticType(at address: UInt, named name: String) -> Any.Type? {
    guard let pointer = UnsafeRawPointer(bitPattern: address), LoadedImages.contains(pointer) else { return nil }
    let type = unsafeBitCast(pointer, to: Any.Type.self)
    return _mangledTypeName(type) == name ? type : nil
  }

  private static func decodeError<E: Error & Decodable>(_ type: E.Type, _ payload: [UInt8]) throws -> any Error {
    try BinaryDecoder().decode(type, from: payload)
  }
}
