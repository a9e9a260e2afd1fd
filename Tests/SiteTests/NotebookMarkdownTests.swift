import Foundation
import Lessons
import Testing

@testable import Site

/// A lesson's notebook carries its text without GTN markup, with its images embedded.
@Suite struct NotebookMarkdownTests {
  @Test func markdownCellsHoldTheTextWithoutSiteMarkupAndEmbedImages() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-md-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    try png.write(to: folder.appendingPathComponent("plot.png"))
    let file = folder.appendingPathComponent("tutorial.md").path
    try """
      ---
      title: Pools
      abbreviations:
        GIL: Global Interpreter Lock
      ---

      > <agenda-title></agenda-title>
      >
      > In this tutorial, we will cover:
      >
      > 1. TOC
      > {:toc}
      >
      {: .agenda}

      The {GIL} matters; the {GIL} again. Click {% icon galaxy-eye %} then {% tool [FastQC](toolshed.g2.bx.psu.edu/repos/devteam/fastqc/fastqc/0.73) %}.

      > <question-title>Why pools?</question-title>
      >
      > Because.
      {: .question}

      ![A plot](plot.png "Speed-up")

      ```swift
      print(1)
      ```

      ```bash
      echo {GIL} <question-title>kept</question-title>
      ```
      """.write(toFile: file, atomically: true, encoding: .utf8)
    let lesson = try LessonParser.parse(file: file, relativePath: "topics/t/tutorials/pools")
    let json = try NotebookExport.notebook(for: lesson, results: nil)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let cells = try #require(object["cells"] as? [[String: Any]])
    let markdown = cells.filter { $0["cell_type"] as? String == "markdown" }
      .map { (($0["source"] as? [String]) ?? []).joined() }
    let before = try #require(markdown.first { $0.contains("matters") })
    #expect(!before.contains("agenda") && !before.contains("In this tutorial"))
    #expect(before.contains("The Global Interpreter Lock (GIL) matters; the GIL again."))
    #expect(before.contains("Click then **FastQC**."))
    #expect(before.contains("> **Question: Why pools?**"))
    #expect(before.contains("![A plot](data:image/png;base64,\(png.base64EncodedString()) \"Speed-up\")"))
    let after = try #require(markdown.last)
    #expect(after.contains("echo {GIL} <question-title>kept</question-title>"), "code is left as written")
  }
}
