import Foundation
import Lessons
import Site
import Testing

/// Each GTN construct renders to the HTML recorded beside its fixture (`Fixtures/body/NAME.md` → `NAME.html`).
/// Run with `RECORD_GOLDENS=1` to re-record after an intended change, then review the diff.
struct BodyGoldenTests {
  static let fixtureNames: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: BodyTestSupport.fixturesFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
  }()

  static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

  @Test("the fixtures are there")
  func fixturesExist() {
    #expect(Self.fixtureNames.count >= 7)
  }

  @Test("a fixture renders to its golden HTML", arguments: fixtureNames)
  func golden(name: String) throws {
    let folder = BodyTestSupport.fixturesFolder
    let source = folder.appendingPathComponent(name + ".md")
    let lesson = try LessonParser.parse(file: source.path, relativePath: "topics/fixtures/tutorials/\(name)")
    let body = BodyRenderer.render(lesson, cellHTML: BodyTestSupport.cellHTML)
    let expectedURL = folder.appendingPathComponent(name + ".html")
    if Self.recording {
      let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/body")
      try body.html.write(to: sourceFolder.appendingPathComponent(name + ".html"), atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    #expect(body.html == expected, "\(name): re-record with RECORD_GOLDENS=1 if the change is intended")
    #expect(BodyTestSupport.xmlProblem(body.html) == nil, "\(BodyTestSupport.xmlProblem(body.html) ?? "")")
    let visible = BodyTestSupport.visibleText(body.html.replacingOccurrences(of: "<code>", with: "<x>"))
    let outsideCode = visible
    for leftover in ["{:", "-title>"] { #expect(!outsideCode.contains(leftover), "\(name) shows \(leftover)") }
  }
}
