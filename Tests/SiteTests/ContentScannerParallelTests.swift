import Foundation
import Lessons
import Testing

@testable import Site
import TestSupport

/// The scan looks at tutorial folders on several threads and lists a lesson's files before looking at its
/// `tutorial.md`: what it finds, and the order of its warnings and errors, must be those of a walk on one thread.
@Suite("Content scanner on several threads")
struct ContentScannerParallelTests {
  /// A content folder with what the scan treats differently: lessons with files and subfolders, a folder without
  /// `tutorial.md`, a `tutorial.md` that is a folder, a `tutorial.md` linking outside, a broken `tutorial.md`
  /// link, files linking outside beside a lesson, a topic without tutorials, a stray file among the topics.
  static func makeContent(in folder: String) throws -> String {
    let content = folder + "/content"
    let outside = folder + "/outside.txt"
    try TestFiles.write("secret\n", to: outside)
    let manager = FileManager.default
    for topic in 0..<3 {
      let tutorials = content + "/topics/topic-\(topic)/tutorials"
      for lesson in 0..<25 {
        let lessonFolder = tutorials + "/lesson-\(lesson)"
        try TestFiles.write("---\ntitle: L\(lesson)\n---\nText.\n", to: lessonFolder + "/tutorial.md")
        if lesson % 3 == 0 { try TestFiles.write("a,b\n", to: lessonFolder + "/data/table.csv") }
        if lesson % 7 == 0 {
          try manager.createSymbolicLink(atPath: lessonFolder + "/notes-\(lesson).txt", withDestinationPath: outside)
        }
      }
      try TestFiles.write("no lesson here\n", to: tutorials + "/not-a-lesson/readme.txt")
      try manager.createSymbolicLink(atPath: tutorials + "/not-a-lesson/link.txt", withDestinationPath: outside)
      try manager.createDirectory(atPath: tutorials + "/folder-named/tutorial.md", withIntermediateDirectories: true)
      try TestFiles.write("x\n", to: tutorials + "/leaving/other.txt")
      try manager.createSymbolicLink(atPath: tutorials + "/leaving/tutorial.md", withDestinationPath: outside)
      try TestFiles.write("x\n", to: tutorials + "/broken/other.txt")
      try manager.createSymbolicLink(atPath: tutorials + "/broken/tutorial.md", withDestinationPath: folder + "/none")
    }
    try manager.createDirectory(atPath: content + "/topics/empty-topic", withIntermediateDirectories: true)
    try TestFiles.write("stray\n", to: content + "/topics/stray.txt")
    return content
  }

  /// What a scan found, as comparable text.
  static func summary(_ inventory: ContentInventory) -> [String] {
    inventory.topics.map { "topic \($0.name) \($0.images.keys.sorted())" }
      + inventory.tutorials.map { "tutorial \($0.relativePath) \($0.inputs.keys.sorted())" }
      + inventory.refused.map { "refused \($0.file): \($0.message)" }
      + inventory.problems.map { "problem \($0.severity) \($0.file): \($0.message)" }
  }

  @Test("several threads find the same lessons, files, refused links and problems, in the same order, as one")
  func sameAsOneThread() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "scanner-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let content = try Self.makeContent(in: folder)
    let one = Self.summary(try ContentScanner.scan(content, jobs: 1))
    #expect(one.filter { $0.hasPrefix("tutorial ") }.count == 75)
    #expect(one.contains { $0.hasPrefix("refused ") && $0.contains("/not-a-lesson/") } == false)
    #expect(one.filter { $0.hasPrefix("problem error") && $0.contains("the lesson is not built") }.count == 6)
    #expect(one.filter { $0.hasPrefix("refused ") }.count == 3 * 4)
    for jobs in [2, 3, 8] {
      #expect(Self.summary(try ContentScanner.scan(content, jobs: jobs)) == one)
    }
  }

  @Test("a lesson's inputs are its files with their status, as the walk on one thread lists them")
  func inputsMatchTheFiles() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "scanner-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let content = try Self.makeContent(in: folder)
    let inventory = try ContentScanner.scan(content, jobs: 2)
    let lesson = try #require(inventory.tutorials.first { $0.relativePath == "topics/topic-1/tutorials/lesson-0" })
    #expect(lesson.inputs.keys.sorted() == ["data/table.csv", "tutorial.md"])
    let size = try #require(FileManager.default.attributesOfItem(atPath: lesson.file)[.size] as? Int)
    #expect(lesson.inputs["tutorial.md"]?.size == Int64(size))
  }
}
