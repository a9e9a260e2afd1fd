/// Reads a tutorial file in the GTN dialect into a `Lesson`.
///
/// PLACEHOLDER: implemented by the parsing work.
public enum LessonParser {
  /// Parses the tutorial at `file`; `relativePath` is its folder relative to the content root.
  /// Problems are reported in `Lesson.diagnostics`; this only throws when the file cannot be read at all.
  public static func parse(file: String, relativePath: String) throws -> Lesson {
    let parts = relativePath.split(separator: "/").map(String.init)
    return Lesson(
      file: file, relativePath: relativePath, topic: parts.count > 1 ? parts[1] : "",
      slug: parts.last ?? "", frontMatter: FrontMatter(title: parts.last ?? ""), document: Document(), cells: [],
      diagnostics: [])
  }
}
