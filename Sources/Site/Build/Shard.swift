/// One part of a refresh split over several machines: shard `index` of `count` (`--shard 2/4`), counted from 1.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  /// Which shard, from 1 to `count`.
  public var index: Int
  /// How many shards the lessons are split into.
  public var count: Int

  /// The most shards a refresh may be split into (a bound on nonsense values, far above any runner matrix).
  public static let maximumCount = 256

  /// Parses `I/N`; throws a message saying what a valid value looks like.
  public init(parsing text: String) throws(ShardError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw ShardError("--shard '\(text)' is not of the form I/N (e.g. 1/4)")
    }
    guard (1...Self.maximumCount).contains(count) else {
      throw ShardError("--shard '\(text)': the shard count must be between 1 and \(Self.maximumCount)")
    }
    guard (1...count).contains(index) else {
      throw ShardError("--shard '\(text)': the shard number must be between 1 and \(count)")
    }
    self.index = index
    self.count = count
  }

  /// `I/N`.
  public var description: String { "\(index)/\(count)" }
}

/// A `--shard` value that cannot be used.
public struct ShardError: Error, Sendable, CustomStringConvertible {
  /// What is wrong with the value and what a valid one looks like.
  public var description: String
  init(_ description: String) { self.description = description }
}

/// Splits lessons over shards, deterministically, balanced by each lesson's recorded run time.
///
/// Lessons with a recorded time are placed longest first, each on the shard with the least time so far (ties: the
/// lower shard; equal times: path order), the classic greedy that keeps the longest shard within 4/3 of the best
/// possible. Lessons with no recorded time (never run, new) are placed by a hash of their path, so adding a lesson
/// never moves another: every shard of a run computes the same plan from the same checkout, with no coordination.
public enum ShardPlan {
  /// The shard number (1…`count`) of each lesson path; `seconds[path]` is the lesson's recorded time, if any.
  public static func assign(_ paths: [String], seconds: [String: Double], count: Int) -> [String: Int] {
    guard count > 1 else { return Dictionary(uniqueKeysWithValues: paths.map { ($0, 1) }) }
    var result: [String: Int] = [:]
    var load = [Double](repeating: 0, count: count)
    let timed = paths.compactMap { path in seconds[path].map { (path, $0.isFinite ? max($0, 0) : 0) } }
      .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    for (path, time) in timed {
      let lightest = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 } ?? 0
      load[lightest] += time
      result[path] = lightest + 1
    }
    for path in paths where seconds[path] == nil {
      result[path] = Int(stableHash(path) % UInt64(count)) + 1
    }
    return result
  }

  /// FNV-1a over the path's UTF-8 bytes: the same on every machine and every run (unlike `hashValue`).
  static func stableHash(_ text: String) -> UInt64 {
    text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }
}
