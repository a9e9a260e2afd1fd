import Testing

@testable import Site

@Suite("Shard plan")
struct ShardPlanTests {
  @Test("longest first onto the least loaded shard; the same plan every time")
  func greedy() {
    let seconds = ["a": 5.0, "b": 3, "c": 2, "d": 1]
    let plan = ShardPlan.assign(["d", "c", "b", "a"], seconds: seconds, count: 2)
    #expect(plan == ["a": 1, "b": 2, "c": 2, "d": 1])
    #expect(ShardPlan.assign(["a", "b", "c", "d"], seconds: seconds, count: 2) == plan)
  }

  @Test("a balanced plan: on 40 lessons of varied times no shard is over 4/3 of the ideal")
  func balance() {
    let paths = (0..<40).map { "topics/t/tutorials/l\($0)" }
    let seconds = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, Double(($0 * 37) % 23 + 1)) })
    for count in [2, 3, 4, 7] {
      let plan = ShardPlan.assign(paths, seconds: seconds, count: count)
      let loads = (1...count).map { shard in plan.filter { $0.value == shard }.map { seconds[$0.key]! }.reduce(0, +) }
      let ideal = seconds.values.reduce(0, +) / Double(count)
      #expect(loads.max()! <= ideal * 4 / 3, "\(count) shards: \(loads)")
    }
  }

  @Test("adding lessons that were never run moves no other lesson")
  func stableWhenAdding() {
    let seconds = ["a": 5.0, "b": 3, "c": 2]
    let before = ShardPlan.assign(["a", "b", "c", "n1"], seconds: seconds, count: 3)
    let after = ShardPlan.assign(["a", "b", "c", "n1", "n2", "n3"], seconds: seconds, count: 3)
    for (path, shard) in before { #expect(after[path] == shard, "\(path) moved") }
    #expect(Set(after.values).isSubset(of: [1, 2, 3]))
  }

  @Test("one shard holds everything; bad --shard values are refused with the reason")
  func parsing() throws {
    #expect(ShardPlan.assign(["a", "b"], seconds: [:], count: 1) == ["a": 1, "b": 1])
    #expect(try Shard(parsing: "2/4") == Shard(parsing: "2/4"))
    #expect(try Shard(parsing: "2/4").description == "2/4")
    for bad in ["0/2", "3/2", "1/0", "x", "1/2/3", "/2", "1/", "-1/2", "1/100000"] {
      #expect(throws: ShardError.self, "\(bad)") { try Shard(parsing: bad) }
    }
  }
}
