/// Parses kramdown inline attribute lists: `{: .tip}`, `{:.no_toc}`, `{: width="50%"}`, `{:toc}`.
enum AttributeListParser {
  /// The attributes of `text` when all of it (ignoring surrounding spaces) is one attribute list, else nil.
  static func parse(_ text: Substring) -> Attributes? {
    var body = text.utf8[...]
    while let first = body.first, first == 32 || first == 9 { body = body.dropFirst() }
    while let last = body.last, last == 32 || last == 9 || last == 13 { body = body.dropLast() }
    guard body.count >= 3, body.first == UInt8(ascii: "{"), body.dropFirst().first == UInt8(ascii: ":"),
      body.last == UInt8(ascii: "}")
    else { return nil }
    let inner = Array(body.dropFirst(2).dropLast())
    if inner.contains(UInt8(ascii: "{")) || inner.contains(UInt8(ascii: "}")) { return nil }
    return parseEntries(inner)
  }

  /// The length in bytes of an attribute list starting at the beginning of `bytes` (`{:…}`), or nil.
  static func prefixLength(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard bytes.count >= 3, bytes.first == UInt8(ascii: "{"), bytes.dropFirst().first == UInt8(ascii: ":") else {
      return nil
    }
    var quote: UInt8?
    for index in bytes.indices.dropFirst(2) {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: "}") {
        return index - bytes.startIndex + 1
      } else if byte == UInt8(ascii: "{") || byte == 10 {
        return nil
      }
    }
    return nil
  }

  private static func parseEntries(_ bytes: [UInt8]) -> Attributes {
    var attributes = Attributes()
    var index = 0
    func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
    while index < bytes.count {
      while index < bytes.count, isSpace(bytes[index]) { index += 1 }
      guard index < bytes.count else { break }
      let start = index
      let marker = bytes[index]
      if marker == UInt8(ascii: ".") || marker == UInt8(ascii: "#") {
        index += 1
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard !name.isEmpty else { continue }
        if marker == UInt8(ascii: ".") { attributes.classes.append(name) } else { attributes.id = name }
        continue
      }
      while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "=") { index += 1 }
      let key = String(decoding: bytes[start..<index], as: UTF8.self)
      guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
        if !key.isEmpty { attributes.references.append(key) }
        continue
      }
      index += 1
      var value = ""
      if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
        let quote = bytes[index]
        index += 1
        let valueStart = index
        while index < bytes.count, bytes[index] != quote { index += 1 }
        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
        index += 1
      } else {
        let valueStart = index
        while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
      }
      if !key.isEmpty { attributes.pairs.append(Attributes.Pair(key: key, value: value)) }
    }
    return attributes
  }
}
