import Foundation
import Testing
import TestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("lessons build --refresh --report/--junit, driven like a user", .serialized)
struct RefreshReportTests {
  struct Report: Decodable {
    struct Lesson: Decodable {
      var path: String
      var timeRatio: Double?
      var before: Stamp?
      var after: Stamp
      var cells: [Cell]
    }
    struct Stamp: Decodable {
      var cpuModel: String
      var logicalCPUs: Int
      var swiftVersion: String
    }
    struct Cell: Decodable {
      var number: Int
      var statusBefore: String?
      var status: String
      var failed: Bool
      var outputChanged: Bool
      var diff: [String]
      var timeRatio: Double?
    }
    var lessons: [Lesson]
  }

  static func write(_ project: String, _ name: String, _ cell: String) throws {
    try TestFiles.write(
      "---\ntitle: \(name)\n---\n\n```swift\n\(cell)\n```\n",
      to: "\(project)/content/topics/topic-a/tutorials/\(name)/tutorial.md")
  }

  @Test(
    "the report says which cells changed status or output, with a diff, times and the machines", .timeLimit(.minutes(3))
  )
  func report() async throws {
    let project = try CommandRunner.makeProject(lessons: 0)
    defer { try? FileManager.default.removeItem(atPath: project) }
    try Self.write(project, "random", "print(\"same line\")\nprint(Int.random(in: 0..<1_000_000_000))")
    try Self.write(project, "breaks", "print(\"fine\")")
    #expect(try await CommandRunner.run(["build", "--quiet"], in: project).status == 0)
    try Self.write(project, "breaks", "struct Broken: Error {}\nthrow Broken()")

    let result = try await CommandRunner.run(["build", "--refresh", "--report", "r.json", "--junit", "r.xml"], in: project)
    #expect(result.status == 0, "\(result.errors)")
    #expect(
      result.output.contains("refreshed topics/topic-a/tutorials/breaks: 1 cell(s), 1 status change(s)"),
      "\(result.output)")
    #expect(result.output.contains("cell 1: ran → threw: Broken()"), "\(result.output)")

    let report = try JSONDecoder().decode(
      Report.self, from: Data(contentsOf: URL(fileURLWithPath: project + "/r.json")))
    #expect(report.lessons.map { ($0.path as NSString).lastPathComponent } == ["breaks", "random"])
    let breaks = report.lessons[0].cells[0]
    #expect(breaks.statusBefore == "ran" && breaks.status == "threw: Broken()" && breaks.failed)
    #expect(breaks.diff.contains("- fine"))
    let random = report.lessons[1]
    #expect(random.cells[0].statusBefore == "ran" && random.cells[0].status == "ran" && !random.cells[0].failed)
    #expect(random.cells[0].outputChanged)
    #expect(random.cells[0].diff.count == 2 && !random.cells[0].diff.contains { $0.contains("same line") })
    #expect(random.before?.cpuModel == random.after.cpuModel && random.after.logicalCPUs > 0)
    #expect(random.timeRatio != nil)

    let xml = try CommandRunner.read(project + "/r.xml")
    let parser = XMLParser(data: Data(xml.utf8))
    #expect(parser.parse(), "r.xml is not well-formed: \(String(describing: parser.parserError))")
    #expect(xml.contains("<testsuites name=\"lessons refresh\" tests=\"2\" failures=\"1\">"))
    #expect(xml.contains("<failure message=\"threw: Broken()\"/>"))
  }

  @Test("a report that cannot be written is an error after the build", .timeLimit(.minutes(2)))
  func unwritable() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    let result = try await CommandRunner.run(["build", "--refresh", "--report", "no/such/folder/r.json"], in: project)
    #expect(result.status == 1)
    #expect(result.errors.contains("r.json"), "\(result.errors)")
  }
}
