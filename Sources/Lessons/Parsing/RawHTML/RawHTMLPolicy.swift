/// Which elements and attributes of a lesson's raw HTML reach the page: an allowlist covering what GTN lessons
/// write (`<br>`, `<kbd>`, `<div markdown="1">`, `<details>`/`<summary>`, `<span>`, `<img>`, tables, `<sup>`/`<sub>`,
/// `<a href>`, the box titles `<hands-on-title>` …, JBrowse's `<iframe>`), and the parts that could run script in
/// the published page, which are removed.
///
/// Anything else that looks like a tag (`<tool>` in prose, `<textarea>`) is shown as text: it is not a known element
/// and a browser would otherwise hide it. `<style>` elements go (a style sheet restyles the whole page, the site's
/// own parts too); `style` attributes stay, as GTN writes them, unless they hold what old browsers ran as script.
enum RawHTMLPolicy {
  /// What becomes of an element.
  enum Element: Equatable {
    /// Kept, with its attributes checked.
    case allowed
    /// Kept, but a browser reads its content as raw text (`iframe`): the content is dropped, and the element is
    /// kept only when its end tag is in the same piece of HTML (else the rest of the page would be its text).
    case allowedRawText
    /// Removed with everything up to its end tag: a browser reads the content raw (`script`, `style`), or it is
    /// active content whose inside means nothing without it (`svg`, `object`).
    case removedWithContent(rawText: Bool)
    /// The tag is removed and its content kept (`form`, `base`, `meta`, form controls).
    case removed
    /// Shown as text.
    case unknown
  }

  static func element(_ name: String) -> Element {
    if allowedElements.contains(name) || isBoxTitle(name) { return .allowed }
    if name == "iframe" { return .allowedRawText }
    if rawTextElements.contains(name) { return .removedWithContent(rawText: true) }
    if activeContainers.contains(name) { return .removedWithContent(rawText: false) }
    if removedTags.contains(name) { return .removed }
    return .unknown
  }

  /// GTN's box titles: `<hands-on-title>`, `<question-title>`, `<code-in-title>`, … (any `name-title`).
  static func isBoxTitle(_ name: String) -> Bool {
    name.utf8.count > 6 && name.hasSuffix("-title")
      && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F }
  }

  private static let allowedElements: Set<String> = [
    "a", "abbr", "acronym", "address", "article", "aside", "audio", "b", "bdi", "bdo", "big", "blockquote", "br",
    "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "fieldset", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i",
    "img", "ins", "kbd", "label", "legend", "li", "main", "mark", "meter", "nav", "ol", "p", "picture", "pre",
    "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "source", "span", "strike", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "track", "tt", "u", "ul", "var",
    "video", "wbr",
  ]

  /// Elements whose content a browser reads as raw text (script, CSS, or text up to the end tag).
  private static let rawTextElements: Set<String> = [
    "script", "style", "xmp", "noembed", "noframes", "noscript", "plaintext",
  ]

  /// Elements that embed active content (scripts, plug-ins, other documents, foreign markup with its own parsing).
  private static let activeContainers: Set<String> = [
    "svg", "math", "object", "applet", "frameset", "template",
  ]

  /// Tags that change the page around them (its base address, refresh, style sheets) or send data somewhere
  /// (forms and their controls, which `form=` and `formaction=` could tie to the site's own forms).
  private static let removedTags: Set<String> = [
    "base", "meta", "link", "embed", "frame", "param", "form", "input", "button", "select", "keygen", "portal",
  ]

  // MARK: Attributes

  /// What becomes of an attribute.
  enum Attribute: Equatable {
    /// Kept as written (re-quoted).
    case allowed
    /// Kept when its value is a safe address (`URLSafety`).
    case url
    /// Kept when its value is CSS that cannot load script (`style`).
    case style
    /// Removed: an event handler (`on…`) or an attribute that names script, another document or a form.
    case dangerous
    /// Removed: not an attribute lessons use.
    case unknown
  }

  static func attribute(_ name: String, of element: String) -> Attribute {
    if name.hasPrefix("on") || dangerousAttributes.contains(name) { return .dangerous }
    if name == "style" { return .style }
    if urlAttributes[name]?.contains(element) == true { return .url }
    if globalAttributes.contains(name) || name.hasPrefix("aria-") || name.hasPrefix("data-") {
      return isPlainName(name) ? .allowed : .unknown
    }
    if elementAttributes[element]?.contains(name) == true { return .allowed }
    return .unknown
  }

  /// Attributes whose value is fetched or followed, and the elements they are kept on.
  private static let urlAttributes: [String: Set<String>] = [
    "href": ["a"],
    "src": ["img", "video", "audio", "source", "track", "iframe"],
    "poster": ["video"],
    "cite": ["blockquote", "q", "del", "ins"],
  ]

  /// Attributes that load or run something wherever they are: removed with a warning.
  private static let dangerousAttributes: Set<String> = [
    "srcdoc", "formaction", "action", "form", "xlink:href", "xmlns", "data", "codebase", "background", "dynsrc",
    "lowsrc", "ping", "http-equiv", "is", "srcset", "imagesrcset", "usemap", "manifest",
  ]

  private static let globalAttributes: Set<String> = [
    "class", "id", "title", "lang", "dir", "role", "hidden", "align", "valign", "width", "height", "markdown",
    "translate",
  ]

  private static let elementAttributes: [String: Set<String>] = [
    "a": ["name", "target", "rel", "hreflang", "type"],
    "img": ["alt", "border", "loading", "decoding", "hspace", "vspace"],
    "video": ["controls", "autoplay", "loop", "muted", "preload", "playsinline"],
    "audio": ["controls", "autoplay", "loop", "muted", "preload"],
    "source": ["type", "media"],
    "track": ["kind", "srclang", "label", "default"],
    // Not `allow`: it would let the framed page ask for the camera or microphone in the training site's name.
    "iframe": ["frameborder", "border", "allowfullscreen", "loading", "referrerpolicy", "scrolling", "name", "sandbox"],
    "table": ["border", "cellpadding", "cellspacing", "summary", "bgcolor"],
    "td": ["colspan", "rowspan", "scope", "headers", "abbr", "nowrap", "bgcolor"],
    "th": ["colspan", "rowspan", "scope", "headers", "abbr", "nowrap", "bgcolor"],
    "tr": ["bgcolor"],
    "col": ["span"],
    "colgroup": ["span"],
    "ol": ["start", "type", "reversed"],
    "ul": ["type"],
    "li": ["value", "type"],
    "details": ["open"],
    "del": ["datetime"],
    "ins": ["datetime"],
    "time": ["datetime"],
    "font": ["color", "face", "size"],
    "hr": ["size", "noshade"],
    "meter": ["value", "min", "max", "low", "high", "optimum"],
    "progress": ["value", "max"],
  ]

  /// `aria-x`, `data-x`: letters, digits, `-`, `_`, `.` only.
  private static func isPlainName(_ name: String) -> Bool {
    name.utf8.allSatisfy {
      ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E
    }
  }

  /// A `style` value that cannot load script in any browser: no `expression(…)`, `behavior`, `-moz-binding`,
  /// `javascript:`/`vbscript:` or `@import`, and no CSS escapes (`\`) or comments that could spell those in pieces.
  /// Modern browsers run none of these; old ones did, and the page may be read with one.
  static func isSafeStyle(_ decoded: [UInt8]) -> Bool {
    let lowered = decoded.map(HTMLTagTokenizer.lowercased)
    if lowered.contains(UInt8(ascii: "\\")) { return false }
    for word in ["expression", "behavior", "binding", "javascript", "vbscript", "@import", "/*"] {
      let pattern = Array(word.utf8)
      if lowered.count >= pattern.count,
        (0...(lowered.count - pattern.count)).contains(where: { lowered[$0..<$0 + pattern.count].elementsEqual(pattern) })
      {
        return false
      }
    }
    return true
  }
}
