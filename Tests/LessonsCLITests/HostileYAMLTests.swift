import Foundation
import Testing
import TestSupport

/// site.yaml and a topic's metadata.yaml are read within limits: an alias bomb is an error with file:line.
@Suite("lessons check with YAML alias bombs", .serialized)
struct HostileYAMLTests {
  /// Eight levels of nine aliases each: 43 million nodes from 400 bytes.
  static let bomb = (1...8).reduce("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n") {
    $0 + "a\($1): &a\($1) [" + Array(repeating: "*a\($1 - 1)", count: 9).joined(separator: ",") + "]\n"
  }

  @Test("a bomb in site.yaml or metadata.yaml is refused at its line, and the check ends", .timeLimit(.minutes(1)))
  func settingsBombs() async throws {
    for file in ["content/site.yaml", "content/topics/topic-a/metadata.yaml"] {
      let project = try CommandRunner.makeProject(lessons: 1)
      defer { try? FileManager.default.removeItem(atPath: project) }
      try TestFiles.write("title: Bomb\n" + Self.bomb, to: project + "/" + file)
      let result = try await CommandRunner.run(["check"], in: project)
      #expect(result.status == 1, "\(file): \(result.errors)")
      #expect(result.errors.contains("\((file as NSString).lastPathComponent):7:"), "\(file): \(result.errors)")
      #expect(result.errors.contains("expand to more than"), "\(file): \(result.errors)")
    }
  }
}
