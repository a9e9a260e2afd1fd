import Execution

/// `--shard I/N`: the build keeps only the lessons of its shard, so that it executes and writes only their results.
extension SiteBuilder {
  /// The inventory with only the tutorials of `configuration.shard` (all of them without a shard). The plan is made
  /// from every tutorial's recorded run time (its frozen results' `totalSeconds`), so all shards of a run agree.
  func restrictedToShard(_ inventory: ContentInventory) -> ContentInventory {
    guard let shard = configuration.shard else { return inventory }
    let plan = Self.shardPlan(inventory, count: shard.count)
    var restricted = inventory
    restricted.tutorials = inventory.tutorials.filter { plan[$0.relativePath] == shard.index }
    return restricted
  }

  /// The shard (1…`count`) of every tutorial of `inventory`.
  static func shardPlan(_ inventory: ContentInventory, count: Int) -> [String: Int] {
    var seconds: [String: Double] = [:]
    for source in inventory.tutorials {
      if let results = try? FrozenResultsStore.load(for: source.file) {
        seconds[source.relativePath] = results.stamp.totalSeconds
      }
    }
    return ShardPlan.assign(inventory.tutorials.map(\.relativePath), seconds: seconds, count: count)
  }

  /// Which tutorials (relative paths) fall in each shard of `count`, for `content`: what a shard run would process.
  public static func shards(contentFolder: String, count: Int) throws(SiteError) -> [[String]] {
    let plan = shardPlan(try ContentScanner.scan(contentFolder), count: count)
    return (1...max(count, 1)).map { index in plan.filter { $0.value == index }.map(\.key).sorted() }
  }
}
