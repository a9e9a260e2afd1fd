import Lessons

/// One tutorial folder found under the content root: `topics/<topic>/tutorials/<slug>/tutorial.md`.
struct TutorialSource: Sendable {
  var topic: String
  var slug: String
  /// `topics/<topic>/tutorials/<slug>`, the folder relative to the content root and to the output root.
  var relativePath: String
  /// The tutorial folder's full path.
  var folder: String
  /// `tutorial.md`'s full path.
  var file: String { folder + "/tutorial.md" }
  /// Every file of the folder (relative to it) with its size and time: what decides whether the lesson changed.
  var inputs: [String: FileSystem.Status]

  /// Files beside the tutorial that are published with it (images, data, notebooks): all but Markdown and the
  /// execution step's frozen results (`*.results.json`), which are inputs of the build, not pages.
  var assets: [String] {
    inputs.keys.filter { !$0.hasSuffix(".md") && !$0.hasSuffix(".results.json") }.sorted()
  }
}

/// One topic folder: `topics/<topic>/`, with its optional `metadata.yaml` and `images/`.
struct TopicSource: Sendable {
  var name: String
  var folder: String
  /// `metadata.yaml`'s status, nil when the topic has none.
  var metadata: FileSystem.Status?
  /// Files under the topic's `images/` folder, relative to the topic folder (`images/x.png`).
  var images: [String: FileSystem.Status]

  var metadataFile: String { folder + "/metadata.yaml" }
}

/// What the content folder holds, found without reading any lesson: the input of a build.
struct ContentInventory: Sendable {
  var topics: [TopicSource]
  var tutorials: [TutorialSource]
  /// `site.yaml`'s status at the content root, nil when there is none.
  var settings: FileSystem.Status?
  /// Folders that could not be read; each is an error of the build.
  var problems: [Diagnostic]
}
