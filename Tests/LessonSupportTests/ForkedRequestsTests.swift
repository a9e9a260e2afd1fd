import Foundation
import GalaxyStandIn
import Testing
import TestSupport

/// HTTP from forked workers: a lesson program makes a request, forks four children that each make one, and the
/// URLs go through `LESSONS_URL_MAP` to a stand-in run by the test.
@Suite("HTTP in forked lesson programs", .serialized, .timeLimit(.minutes(1)))
struct ForkedRequestsTests {
  static let source = """
    import LessonSupport
    #if canImport(Glibc)
    import Glibc
    #endif
    let url = "https://usegalaxy.example/api/version"
    let first = try HTTP.get(url, timeout: 30).requireSuccess()
    print("parent", first.status)
    fflush(stdout)
    var children: [Int32] = []
    for index in 0..<4 {
      let pid = fork()
      if pid == 0 {
        do {
          let version = try HTTP.get(url, timeout: 30).requireSuccess().json(as: [String: String].self)
          print("child", index, version["version_major"] ?? "?")
          exit(0)
        } catch {
          print("child", index, "failed:", error)
          exit(1)
        }
      }
      children.append(pid)
    }
    var failures = 0
    for pid in children {
      var status: Int32 = 0
      waitpid(pid, &status, 0)
      if status != 0 { failures += 1 }
    }
    print("failures", failures)
    """

  @Test("requests work in the parent and in every forked child, through the URL map")
  func forkedRequests() async throws {
    let standIns = GalaxyStandIns(servers: [.init(url: "https://usegalaxy.example", version: "24.1.2", latency: 0.05)])
    let mapping = try await standIns.start()
    let program = try LessonProgramTests.compile(Self.source, name: "forked")
    let environment = ["LESSONS_URL_MAP": GalaxyStandIns.urlMapValue(mapping)]
    // Waiting for the program blocks a thread: use one of our own, the stand-in needs the shared pool.
    let (status, output) = try await OffPool.run { try LessonProgramTests.run(program.path, [], environment: environment) }
    await standIns.stop()
    #expect(status == 0, "\(output)")
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.first == "parent 200")
    #expect(Set(lines.filter { $0.hasPrefix("child") }) == Set((0..<4).map { "child \($0) 24.1" }))
    #expect(lines.last == "failures 0")
  }
}
