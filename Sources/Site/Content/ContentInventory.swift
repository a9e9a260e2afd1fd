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

  /// Files beside the tutorial that are published with it (images, data, notebooks): all but Markdown, the
  /// execution step's frozen results (`*.results.json`), which are inputs of the build, not pages, and the
  /// temporary files of a results save that was cut short (`*.results.json.tmp-*`, left by older builders).
  var assets: [String] {
    inputs.keys.filter { !$0.hasSuffix(".md") && !Self.isResultsFile($0) }.sorted()
  }

  /// Whether `name` is a frozen results file or a temporary file of one.
  static func isResultsFile(_ name: String) -> Bool {
    name.hasSuffix(".results.json") || name.contains(".results.json.tmp-")
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
  /// The content folder, with the real path every file is checked against.
  var root: ContentRoot
  var topics: [TopicSource]
  var tutorials: [TutorialSource]
  /// `site.yaml`'s status at the content root, nil when there is none.
  var settings: FileSystem.Status?
  /// Folders that could not be read, lessons whose `tutorial.md` is a broken or outside link; each is an error of
  /// the build.
  var problems: [Diagnostic]
  /// Symbolic links skipped because they leave the content folder or point at nothing: warnings, reported by every
  /// build (also one with nothing to do), since the links are still there.
  var refused: [Diagnostic]
}
