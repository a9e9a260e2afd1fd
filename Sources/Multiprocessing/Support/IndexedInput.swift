/// A pool's input addressed by position, so that workers can take any chunk in any order.
///
/// A random-access collection (an `Array`, a `Range`) is used in place: `imap` over `0..<100_000_000` never
/// builds the array. For `map`, any other sequence is copied into an array first, as Python's `map` does with
/// `list()`; `imap` streams it instead (`StreamedFeed`).
struct IndexedInput<Element> {
  /// How many items there are.
  let count: Int
  /// The item at a 0-based position.
  let element: (Int) -> Element

  /// For `map`: throws `PoolError.invalidArgument` for an input of more than `limit` items (see
  /// `InputLength.checkForMap`), before anything is copied.
  init(_ items: some Sequence<Element>, limit: Int) throws(PoolError) {
    try InputLength.checkForMap(items, limit: limit)
    if let indexed = Self(indexing: items) {
      self = indexed
    } else {
      let array = Array(items)
      self.init(count: array.count) { array[$0] }
    }
    _ = try PoolSizing.mapLength(count, limit: limit)
  }

  /// The input used in place when it is a random-access collection; nil for any other sequence, and for a range
  /// too long for `Int` to count (streamed instead).
  init?(indexing items: some Sequence<Element>) {
    if InputLength.countsPastIntMax(items) {
      return nil
    } else if Element.self == Int.self, let range = items as? Range<Int> {
      let lower = range.lowerBound
      // Element is Int here (checked above), so the cast reinterprets an Int as itself.
      self.init(count: range.count) { unsafeBitCast(lower + $0, to: Element.self) }
    } else if let array = items as? [Element] {
      self.init(count: array.count) { array[$0] }
    } else if let collection = items as? any RandomAccessCollection<Element> {
      self = Self.direct(collection)
    } else {
      return nil
    }
  }

  init(count: Int, element: @escaping (Int) -> Element) {
    self.count = count
    self.element = element
  }

  private static func direct<C: RandomAccessCollection<Element>>(_ collection: C) -> Self {
    let start = collection.startIndex
    return Self(count: collection.count) { collection[collection.index(start, offsetBy: $0)] }
  }
}

/// The Sendable form of `IndexedInput`, for pools whose workers are threads.
///
/// Ranges of `Int` are used in place (no array of a million numbers); other sequences are copied into an array.
struct SendableInput<Element: Sendable>: Sendable {
  let count: Int
  let element: @Sendable (Int) -> Element

  /// For `map`: throws as `IndexedInput.init(_:limit:)` does.
  init(_ items: some Sequence<Element>, limit: Int) throws(PoolError) {
    try InputLength.checkForMap(items, limit: limit)
    if let indexed = Self(indexing: items) {
      self = indexed
    } else {
      let array = Array(items)
      count = array.count
      element = { array[$0] }
    }
    _ = try PoolSizing.mapLength(count, limit: limit)
  }

  /// The input read in place when it is an array or a range of `Int`; nil for any other sequence, and for a
  /// range too long for `Int` to count (streamed instead).
  init?(indexing items: some Sequence<Element>) {
    if InputLength.countsPastIntMax(items) {
      return nil
    } else if Element.self == Int.self, let range = items as? Range<Int> {
      let lower = range.lowerBound
      count = range.count
      // Element is Int here (checked above), so the cast reinterprets an Int as itself.
      element = { unsafeBitCast(lower + $0, to: Element.self) }
    } else if Element.self == Int.self, let range = items as? ClosedRange<Int> {
      let lower = range.lowerBound
      count = range.count
      element = { unsafeBitCast(lower + $0, to: Element.self) }
    } else if let array = items as? [Element] {
      count = array.count
      element = { array[$0] }
    } else {
      return nil
    }
  }
}
