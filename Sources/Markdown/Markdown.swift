import CCmark

/// PLACEHOLDER: the Swift tree over cmark, implemented by the parsing work.
public enum Markdown {
  /// The version of the cmark library in use.
  public static var cmarkVersion: String { String(cString: cmark_version_string()) }
}
