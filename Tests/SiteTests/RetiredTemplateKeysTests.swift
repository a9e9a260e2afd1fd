import Foundation
import Lessons
import Testing

@testable import Site
import TestSupport

/// A site's own templates from an earlier build may still print the ready-HTML keys that builds no longer give
/// (`{{{tocItems}}}`): Mustache renders them as nothing, so the build warns at the template's line.
@Suite("retired template keys")
struct RetiredTemplateKeysTests {
  @Test("each tag naming a retired key is a warning at its line, with the list to use; other tags are not")
  func warningsAtTheirLines() {
    let text = "<h1>{{title}}</h1>\n<ol>{{{tocItems}}}</ol>\n{{! tocItems in a comment }}\n{{# questionItems }}x{{/ questionItems }}\n{{toc}}{{tutorialRowsExtra}}\n"
    let warnings = RetiredTemplateKeys.warnings(in: text, path: "templates/tutorial.mustache")
    #expect(warnings.map(\.line) == [2, 4, 4], "\(warnings)")
    #expect(warnings.allSatisfy { $0.severity == .warning && $0.file == "templates/tutorial.mustache" })
    #expect(warnings.first?.message.contains("{{tocItems}} is no longer given to templates") == true)
    #expect(warnings.first?.message.contains("{{#toc}}…{{/toc}}") == true)
    #expect(warnings.last?.message.contains("{{#questions}}") == true)
  }

  @Test("the shipped templates use none; a build with an old template warns, and again while nothing changed")
  func buildWarns() throws {
    #expect(try TemplateSet(folder: SiteTestSupport.templates).warnings.isEmpty)
    let folder = try TestFiles.temporaryFolder(prefix: "retired-keys-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 1)
    try FileManager.default.copyItem(atPath: SiteTestSupport.templates, toPath: folder + "/templates")
    let tutorial = folder + "/templates/tutorial.mustache"
    try TestFiles.write("{{{tocItems}}}\n" + (try SiteTestSupport.read(tutorial)), to: tutorial)
    let configuration = BuildConfiguration(
      contentFolder: content, templatesFolder: folder + "/templates", outputFolder: folder + "/site", jobs: 2)
    for build in 1...2 {
      let report = try SiteBuilder(configuration: configuration).build()
      #expect(!report.hasErrors, "\(report.diagnostics)")
      #expect(report.diagnostics.contains { $0.file == tutorial && $0.line == 1 && $0.message.contains("tocItems") },
        "build \(build): \(report.diagnostics)")
    }
    let checked = try SiteBuilder(configuration: configuration).check()
    #expect(checked.diagnostics.contains { $0.file == tutorial && $0.message.contains("tocItems") })
  }
}
