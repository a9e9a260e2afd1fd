import Lessons

/// Which files of the content folder could run script on the site's origin when a reader opens them from the
/// published site, by their kind: a lesson's pull request can add `evil.html` or `figure.svg` with `onload=` beside
/// it, and the site publishes the files beside a lesson as they are. Unless `raw_html: trusted` says the site's
/// authors are trusted (the same question as for raw HTML in lesson text: may they run script on this origin?), such
/// a file is not published, with a warning (`StagingWriter.publishContentFile`).
///
/// Decided by the name's extension, in any case (hosts map extensions to media types without regard to case):
/// - refused: HTML and XHTML pages (`.html`, `.htm`, `.shtml`, `.xhtml`, `.xht`, `.mht`, `.mhtml`); XSLT
///   (`.xsl`, `.xslt`), a program that can write script into its output; scripts (`.js`, `.mjs`): opened alone a
///   browser shows them as text, but a script on the site's own origin is what lets a page defeat a
///   `script-src 'self'` policy or register a service worker over the site, and no sanitised page can use one;
///   Flash (`.swf`); compressed SVG (`.svgz`), which this check cannot read;
/// - published when `XMLScriptCheck` finds nothing: SVG images (`.svg`, the figures GTN lessons use a lot) and the
///   XML documents a browser renders as such (`.xml`, `.rss`, `.atom`, `.rdf`, `.kml`, `.gpx`, `.mml`, `.mathml`,
///   `.xul`, `.wsdl`, `.xspf`): an XML document runs the script of any XHTML or SVG element in it;
/// - published as they are: everything else. Images other than SVG, PDFs, notebooks and data run no script on the
///   origin; a stylesheet (`.css`) runs none in any current browser.
enum ScriptCapableFiles {
  /// What publishing a file of some name involves.
  enum Rule: Equatable {
    /// Published as it is.
    case published
    /// Published only when `XMLScriptCheck` finds nothing in it; the kind, for the warning ("SVG image").
    case checked(String)
    /// Not published (unless the site's authors are trusted); the kind, for the warning ("HTML page").
    case refused(String)
  }

  /// The rule for a file named `name` (a path or a name: only its extension counts).
  static func rule(for name: String) -> Rule {
    guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")),
      !name[name.utf8.index(after: dot)...].utf8.contains(UInt8(ascii: "/"))
    else { return .published }
    let suffix = String(name[name.utf8.index(after: dot)...]).lowercased()
    switch suffix {
    case "html", "htm", "shtml", "xhtml", "xht", "mht", "mhtml": return .refused("an HTML page")
    case "xsl", "xslt": return .refused("an XSLT stylesheet (it can write script into the page it makes)")
    case "js", "mjs": return .refused("a script file")
    case "swf": return .refused("a Flash movie")
    case "svgz": return .refused("a compressed SVG image (which cannot be checked)")
    case "svg": return .checked("an SVG image")
    case "xml", "rss", "atom", "rdf", "kml", "gpx", "mml", "mathml", "xul", "wsdl", "xspf": return .checked("an XML document")
    default: return .published
    }
  }

  /// The warning a build gives for `source`, a file of the content folder published as `path`, when it could run
  /// script (nil when it would be published): for `lessons check`, which writes nothing. A checked kind is read,
  /// confined to `root`; one that cannot be read is nil here, and the build reports it.
  static func refusal(of source: String, as path: String, confinedTo root: String) -> Diagnostic? {
    switch rule(for: path) {
    case .published:
      return nil
    case .refused(let kind):
      return refusal(source, kind: kind)
    case .checked(let kind):
      guard let data = try? FileSystem.read(source, confinedTo: root) else { return nil }
      return XMLScriptCheck.firstFinding(in: [UInt8](data)).map { refusal(source, kind: kind, finding: $0) }
    }
  }

  /// The warning for `path`, a file not published because it is of a refused kind.
  static func refusal(_ path: String, kind: String) -> Diagnostic {
    Diagnostic(
      .warning, file: path,
      "\(kind) could run script on the site's own address when opened from it: not published (raw_html: trusted in site.yaml publishes it)")
  }

  /// The warning for `path`, a checked file in which `finding` was found.
  static func refusal(_ path: String, kind: String, finding: XMLScriptCheck.Finding) -> Diagnostic {
    Diagnostic(
      .warning, file: path, line: finding.line,
      "\(kind) holding \(finding.what), which could run script on the site's own address: not published (raw_html: trusted in site.yaml publishes it)")
  }
}
