import Foundation
import Testing

@Suite("The command line")
struct CommandLineTests {
  @Test("--version prints the version and exits 0", .timeLimit(.minutes(1)))
  func version() async throws {
    let result = try await CommandRunner.run(["--version"], in: NSTemporaryDirectory(), timeout: 60)
    #expect(result.status == 0)
    #expect(result.output.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.output)")
  }

  @Test(
    "a mistyped command is named, with the closest command",
    .timeLimit(.minutes(1)),
    arguments: [("biuld", "build"), ("serv", "serve"), ("chek", "check"), ("stauts", "status")])
  func mistyped(typed: String, meant: String) async throws {
    let result = try await CommandRunner.run([typed], in: NSTemporaryDirectory(), timeout: 60)
    #expect(result.status == 64)
    #expect(result.errors == "error: unknown command '\(typed)'; did you mean '\(meant)'?\n")
  }

  @Test("an unknown word far from every command lists the commands", .timeLimit(.minutes(1)))
  func unknown() async throws {
    let result = try await CommandRunner.run(["publish"], in: NSTemporaryDirectory(), timeout: 60)
    #expect(result.status == 64)
    #expect(result.errors.contains("unknown command 'publish'; the commands are build, check, serve, status"))
  }

  @Test("check --help lists only the options check uses: it writes no site", .timeLimit(.minutes(1)))
  func checkHelp() async throws {
    let check = try await CommandRunner.run(["check", "--help"], in: NSTemporaryDirectory(), timeout: 60)
    #expect(check.status == 0)
    for option in ["--content", "--templates", "--strict", "--jobs", "--quiet"] { #expect(check.output.contains(option)) }
    for option in ["--out", "--base-url", "--refresh", "--port"] {
      #expect(!check.output.contains(option), "check --help lists \(option)")
    }
    let build = try await CommandRunner.run(["build", "--help"], in: NSTemporaryDirectory(), timeout: 60)
    #expect(build.output.contains("--out") && build.output.contains("--base-url") && build.output.contains("--jobs"))
  }
}
