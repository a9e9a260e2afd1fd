/// A topic's `metadata.yaml`: the title and summary the index shows for it.
struct TopicMetadata: Sendable, Hashable {
  var title: String
  var summary: String?

  /// The metadata of `topic`, or its folder name as title when it has no `metadata.yaml`.
  static func load(_ topic: TopicSource) throws(SiteError) -> TopicMetadata {
    guard topic.metadata != nil else { return TopicMetadata(title: topic.name) }
    let values = try YAMLFile.strings(at: topic.metadataFile)
    return TopicMetadata(title: values["title"] ?? topic.name, summary: values["summary"])
  }
}
