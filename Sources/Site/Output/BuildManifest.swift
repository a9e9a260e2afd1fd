import Foundation
import Lessons

/// What the last build read and wrote, kept as `.lessons-manifest.json` in the output folder.
///
/// A build compares the content folder with it: when nothing changed (same lesson files with the same sizes and
/// times, same templates, same builder, same settings) it stops at once; otherwise it renders again only the
/// lessons whose files changed and carries the other pages over. Lessons that failed are not recorded, so they
/// are tried again by the next build; lessons that were deleted are not carried over, so their pages disappear.
struct BuildManifest: Codable, Sendable {
  /// The manifest's file name inside the output folder.
  static let fileName = ".lessons-manifest.json"

  /// What, beside the lessons, decides every page: when it changes, every lesson is rendered again.
  struct Settings: Codable, Sendable, Hashable {
    /// The builder's version and executable (size and time), so that a new builder renders everything again.
    var builder: String
    var templates: [String: FileSystem.Status]
    /// The files lessons may include from the content root (`faqs/`, `snippets/`, `_includes/`) and the topics'
    /// FAQs: a changed FAQ renders every lesson again, since any lesson may show or link it.
    var includes: [String: FileSystem.Status]
    var siteFile: FileSystem.Status?
    var baseURL: String?
    var strict: Bool
  }

  /// What a lesson's page needs from the lesson to appear in the index and sitemap.
  struct LessonSummary: Codable, Sendable, Hashable {
    var title: String
    var level: String?
    var minutes: Int?
    var draft: Bool
    /// Everyone the lesson names as contributor or in a contribution role, for the contributor pages.
    var contributors: [String]? = nil
    /// The lesson's `tags`, for the tag pages.
    var tags: [String]? = nil
    /// The lesson's terms for the search index (`SearchLesson.terms`); nil for drafts and in sites without a
    /// search page. Kept beside the manifest in `SearchTermsFile`, not in its JSON (they are nine tenths of it):
    /// a build with nothing to do reads the manifest alone, and another reads them as bytes, nothing to unescape.
    var searchTerms: String? = nil
    /// The page's description (front matter `description` or its first paragraph), for the feed.
    var description: String? = nil
    /// When the lesson last changed (ISO 8601: its last commit, else its file's time), for the sitemap and feed.
    var modified: String? = nil

    enum CodingKeys: String, CodingKey {
      case title, level, minutes, draft, contributors, tags, description, modified
    }
  }

  /// One lesson of the last build.
  struct Lesson: Codable, Sendable {
    var inputs: [String: FileSystem.Status]
    /// Files written for the lesson, relative to the output folder.
    var outputs: [String]
    /// Nil when the lesson is disabled (`enable: false`): it has no page.
    var summary: LessonSummary?
    /// Warnings reported when it was rendered, reported again while it is carried over.
    var warnings: [Diagnostic]
    /// The previous and next lessons its page links to: when the topic's order changes, the page is rendered again.
    var navigation: LessonNeighbours? = nil
    /// The internal requirements' titles the page shows (`topic/slug` → title, "" for a missing tutorial): when one
    /// changes, the page is rendered again though its own files did not (nil in manifests of older builds).
    var requirementTitles: [String: String]? = nil
  }

  var settings: Settings
  /// Problems of the site's own files (site.yaml, metadata.yaml), reported again while they are unchanged.
  var siteDiagnostics: [Diagnostic]
  /// Files written for the site as a whole (index, topic pages, sitemap, assets, topic images).
  var siteOutputs: [String]
  var topics: [String: TopicRecord]
  /// Keyed by the lesson's relative path.
  var lessons: [String: Lesson]

  /// What a topic's folder held: its metadata file and images.
  struct TopicRecord: Codable, Sendable, Hashable {
    var metadata: FileSystem.Status?
    var images: [String: FileSystem.Status]
  }

  /// The manifest in `outputFolder`, or nil when there is none or it cannot be read (then everything is rendered).
  /// Its lessons' search terms are not read yet (`withSearchTerms`).
  static func load(from outputFolder: String) -> BuildManifest? {
    guard let data = try? FileSystem.read(outputFolder + "/" + fileName) else { return nil }
    return try? JSONDecoder().decode(BuildManifest.self, from: data)
  }

  /// The manifest with its lessons' search terms read from `SearchTermsFile` in `outputFolder`; nil when that file
  /// is missing or does not list exactly the lessons that have a summary (then everything is rendered again).
  func withSearchTerms(from outputFolder: String) -> BuildManifest? {
    guard let terms = SearchTermsFile.read(from: outputFolder) else { return nil }
    var manifest = self
    var found = 0
    for (path, lesson) in lessons where lesson.summary != nil {
      guard let text = terms[path] else { return nil }
      manifest.lessons[path]?.summary?.searchTerms = text
      found += 1
    }
    return found == terms.count ? manifest : nil
  }

  /// The manifest as JSON.
  func encoded() throws(SiteError) -> String {
    try Self.json(self)
  }

  /// One lesson's entry in the manifest's `lessons` as its JSON has it (`"path":{…}`), so that each lesson's
  /// entry can be encoded by the thread that published the lesson, in parallel.
  static func entry(_ path: String, _ lesson: Lesson) -> String {
    ManifestJSON.entry(path, lesson)
  }

  /// The manifest as JSON, the same text as `encoded()`, with the lessons' entries already encoded by `entry`
  /// where `entries` has them (the others are encoded here).
  func encoded(entries: [String: String]) throws(SiteError) -> String {
    try encodedPieces(entries: entries).joined()
  }

  /// `encoded(entries:)` in pieces, to be written one after another (`FileSystem.write(pieces:to:)`): a thousand
  /// lessons' entries are megabytes (their search terms), not worth copying into one text first.
  func encodedPieces(entries: [String: String]) throws(SiteError) -> [String] {
    var rest = self
    rest.lessons = [:]
    // Keys are sorted, so `lessons` comes first.
    let start = #"{"lessons":{},"#
    let text = try rest.encoded()
    guard text.utf8.starts(with: start.utf8) else { return [try encoded()] }
    var pieces = [#"{"lessons":{"#]
    pieces.reserveCapacity(2 * lessons.count + 2)
    // In the order of JSONEncoder's `.sortedKeys`: by the keys' UTF-8 bytes.
    for (index, key) in lessons.keys.sorted(by: { $0.utf8Precedes($1) }).enumerated() {
      if index > 0 { pieces.append(",") }
      if let entry = entries[key] {
        pieces.append(entry)
      } else if let lesson = lessons[key] {
        pieces.append(Self.entry(key, lesson))
      }
    }
    pieces.append("},")
    pieces.append(String(Substring(text.utf8.dropFirst(start.utf8.count))))
    return pieces
  }

  private static func json(_ value: some Encodable) throws(SiteError) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      throw SiteError(.writeFailed, file: Self.fileName, reason: "cannot encode the build manifest: \(error)")
    }
  }
}
