import Foundation
import Lessons

/// GTN's FAQs: `faqs/**/*.md`, `topics/<topic>/faqs/*.md` and `topics/<topic>/tutorials/<tutorial>/faqs/*.md`
/// under the content root, each parsed once per build so that they can be pages of their own: a topic's FAQs are
/// listed on its page and linked from its lessons, a tutorial's FAQs are linked from that tutorial's page.
struct FAQCatalog: Sendable {
  /// One FAQ: where it is, its page, its parsed text.
  struct Entry: Sendable {
    /// Path relative to the content root (`faqs/galaxy/datasets_import_via_link.md`).
    var relativePath: String
    /// The page's path relative to the site root (`…/datasets_import_via_link.html`).
    var pagePath: String
    /// The topic folder for `topics/<topic>/…`; nil for the site-wide `faqs/` folder.
    var topic: String?
    /// The tutorial folder (`topics/<topic>/tutorials/<tutorial>`) for a tutorial's own FAQs; nil otherwise.
    var tutorial: String?
    var lesson: Lesson
  }

  var entries: [Entry] = []

  /// Folders whose files may change what FAQ pages, topic pages and lessons show.
  static func folders(contentRoot: String) -> [String] {
    var folders = ["faqs"]
    let topics = contentRoot + "/topics"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: topics))?.sorted() ?? [] {
      folders.append("topics/\(name)/faqs")
      let tutorials = "topics/\(name)/tutorials"
      for tutorial in (try? FileManager.default.contentsOfDirectory(atPath: contentRoot + "/" + tutorials))?.sorted() ?? [] {
        folders.append("\(tutorials)/\(tutorial)/faqs")
      }
    }
    return folders
  }

  /// The `folders` that are folders (links followed), in the same order; throws when one cannot be looked at.
  /// The build finds them once (a thousand lessons have a thousand `faqs` places, mostly empty) and hands them to
  /// both the build settings and `load`.
  static func existingFolders(contentRoot: String) throws(SiteError) -> [String] {
    var existing: [String] = []
    for folder in folders(contentRoot: contentRoot) where try FileSystem.status(contentRoot + "/" + folder)?.isDirectory == true {
      existing.append(folder)
    }
    return existing
  }

  /// Finds and parses the FAQs under `root`; files that cannot be read, and links that leave the content folder,
  /// are reported in `diagnostics`. `existing` is `existingFolders` when the build found them already (folders
  /// not in it are not looked at); nil looks at every one of `folders`.
  static func load(
    root: ContentRoot, site: SiteSettings, existing: [String]? = nil, diagnostics: inout [Diagnostic]
  ) -> FAQCatalog {
    var catalog = FAQCatalog()
    let contentRoot = root.path
    for folder in existing ?? folders(contentRoot: contentRoot) {
      let full = contentRoot + "/" + folder
      guard case .folder? = try? root.entry(full), let tree = try? root.tree(under: full, refused: &diagnostics) else {
        continue
      }
      let parts = folder.split(separator: "/")
      let topic = folder.hasPrefix("topics/") ? parts[1].description : nil
      let tutorial = parts.count == 5 ? parts.prefix(4).joined(separator: "/") : nil
      for file in tree.keys.sorted() where file.hasSuffix(".md") && !(topic != nil && file.contains("/")) {
        let relativePath = folder + "/" + file
        let folderPath = (relativePath as NSString).deletingLastPathComponent
        // A named pipe or device would block the build forever.
        let resolved = URL(fileURLWithPath: contentRoot + "/" + relativePath).resolvingSymlinksInPath().path
        let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type]
        guard type as? FileAttributeType == .typeRegular else {
          diagnostics.append(Diagnostic(.warning, file: contentRoot + "/" + relativePath, "the FAQ is not a regular file; left out"))
          continue
        }
        do {
          let lesson = try LessonParser.parse(
            file: contentRoot + "/" + relativePath, relativePath: folderPath, site: site.liquidVariables,
            rawHTML: site.rawHTML)
          diagnostics += lesson.diagnostics
          let pagePath = String(relativePath.dropLast(3)) + ".html"
          catalog.entries.append(Entry(relativePath: relativePath, pagePath: pagePath, topic: topic, tutorial: tutorial, lesson: lesson))
        } catch {
          diagnostics.append(Diagnostic(.warning, file: contentRoot + "/" + relativePath, "cannot read the FAQ: \(error)"))
        }
      }
    }
    return catalog
  }

  /// A topic's own FAQs (not its tutorials') as links, sorted by title.
  func links(topic: String) -> [FAQLink] {
    links { $0.topic == topic && $0.tutorial == nil }
  }

  /// A tutorial's own FAQs as links, sorted by title; `tutorial` is its folder, `topics/<topic>/tutorials/<name>`.
  func links(tutorial: String) -> [FAQLink] {
    links { $0.tutorial == tutorial }
  }

  private func links(where chosen: (Entry) -> Bool) -> [FAQLink] {
    entries.filter { chosen($0) && $0.lesson.frontMatter.enabled }
      .map { FAQLink(title: $0.lesson.frontMatter.title, pagePath: $0.pagePath) }
      .sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
  }

  /// Every topic's FAQ links, by topic folder name.
  var linksByTopic: [String: [FAQLink]] {
    var result: [String: [FAQLink]] = [:]
    for topic in Set(entries.compactMap(\.topic)) { result[topic] = links(topic: topic) }
    return result
  }

  /// Every tutorial's own FAQ links, by tutorial folder (`topics/<topic>/tutorials/<name>`).
  var linksByTutorial: [String: [FAQLink]] {
    var result: [String: [FAQLink]] = [:]
    for tutorial in Set(entries.compactMap(\.tutorial)) { result[tutorial] = links(tutorial: tutorial) }
    return result
  }
}

/// A link to an FAQ page: its title and its path relative to the site root.
struct FAQLink: Sendable, Hashable {
  var title: String
  var pagePath: String
}
