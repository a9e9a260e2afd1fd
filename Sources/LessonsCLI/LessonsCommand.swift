import ArgumentParser

/// The `lessons` command: builds, checks and previews the training site.
@main
struct LessonsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "Build the training site from lessons in the GTN Markdown dialect.",
    discussion: """
      Lessons live in <content>/topics/<topic>/tutorials/<tutorial>/tutorial.md; pages are written to the same \
      paths under the output folder, rendered with the Mustache templates of the templates folder.
      """,
    subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, StatusCommand.self],
    defaultSubcommand: BuildCommand.self)
}
