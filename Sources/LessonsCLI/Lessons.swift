import ArgumentParser

/// The `lessons` command: builds, checks and previews the training site.
@main
struct LessonsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons", abstract: "Build the training site from lessons in the GTN Markdown dialect.")

  func run() throws {
    print("lessons: placeholder")
  }
}
