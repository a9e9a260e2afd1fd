import Foundation
import Testing

@testable import Site

/// `env:` in site.yaml: the builder's environment variables every lesson program may see.
struct SiteSettingsEnvironmentTests {
  @Test("site.yaml's env: list is read; a single name works too; none means none")
  func environmentNames() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("site-env-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (yaml, names) in [
      ("title: T\nenv: [GALAXY_API_KEY, OTHER]\n", ["GALAXY_API_KEY", "OTHER"]), ("env: ONE\n", ["ONE"]), ("title: T\n", []),
    ] {
      try yaml.write(toFile: folder + "/site.yaml", atomically: true, encoding: .utf8)
      #expect(try SiteSettings.load(contentRoot: folder).environment == names)
    }
  }
}
