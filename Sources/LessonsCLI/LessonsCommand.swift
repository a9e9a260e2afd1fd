import ArgumentParser
import Foundation

/// The `lessons` command: builds, checks and previews the training site.
@main
struct LessonsCommand: AsyncParsableCommand {
  /// The version `lessons --version` prints.
  static let version = "0.11.0"

  static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "Build the training site from lessons in the GTN Markdown dialect.",
    discussion: """
      Lessons live in <content>/topics/<topic>/tutorials/<tutorial>/tutorial.md; pages are written to the same \
      paths under the output folder, rendered with the Mustache templates of the templates folder.
      """,
    version: version,
    subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, StatusCommand.self],
    defaultSubcommand: BuildCommand.self)

  /// Parses and runs like ArgumentParser's own `main`, after catching a mistyped command name first.
  static func main() async {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let commands = configuration.subcommands.map { $0._commandName }
    if let message = CommandSuggestion.error(for: arguments, commands: commands) {
      FileHandle.standardError.write(Data("error: \(message)\n".utf8))
      Foundation.exit(ExitCode.validationFailure.rawValue)
    }
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      exit(withError: error)
    }
  }
}
