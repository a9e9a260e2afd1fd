/// A value of a page's Mustache context, told apart by concrete type, as `TemplateRenderer` needs it: the kinds the
/// site's contexts hold, which swift-mustache renders without lambdas, custom renderables or transforms.
///
/// The exact types the contexts use are checked first (a comparison of type metadata); other values that cast to
/// these kinds (an `[Int]`, a `[String: Int]`, an optional holding a string) go through the runtime's casts, which
/// convert them as the library's own casts see them. Anything else throws `TemplateRenderer.Unsupported`.
enum TemplateValue {
  case text(String)
  case flag(Bool)
  case number(Int)
  case dictionary([String: Any])
  case strings([String: String])
  case list(List)
  /// A rendered page going into the layout as `content`.
  case html([UInt8])
  /// The layout's context: the page's, with `content`.
  case layout(LayoutContext)

  /// A list value, kept as the array type it came in (no array of `Any` made per section).
  enum List {
    case dictionaries([[String: Any]])
    case stringDictionaries([[String: String]])
    case texts([String])
    case values([Any])

    var count: Int {
      switch self {
      case .dictionaries(let items): items.count
      case .stringDictionaries(let items): items.count
      case .texts(let items): items.count
      case .values(let items): items.count
      }
    }

    var isEmpty: Bool { count == 0 }

    subscript(index: Int) -> Any {
      switch self {
      case .dictionaries(let items): items[index]
      case .stringDictionaries(let items): items[index]
      case .texts(let items): items[index]
      case .values(let items): items[index]
      }
    }
  }

  init(_ value: Any) throws(TemplateRenderer.Unsupported) {
    let type = ObjectIdentifier(Swift.type(of: value))
    if type == Self.stringType, let text = value as? String {
      self = .text(text)
    } else if type == Self.htmlType, let html = value as? RenderedHTML {
      self = .html(html.bytes)
    } else if type == Self.layoutType, let layout = value as? LayoutContext {
      self = .layout(layout)
    } else if type == Self.dictionaryType, let dictionary = value as? [String: Any] {
      self = .dictionary(dictionary)
    } else if type == Self.boolType, let flag = value as? Bool {
      self = .flag(flag)
    } else if type == Self.stringDictionaryType, let dictionary = value as? [String: String] {
      self = .strings(dictionary)
    } else if type == Self.dictionariesType, let items = value as? [[String: Any]] {
      self = .list(.dictionaries(items))
    } else if type == Self.stringDictionariesType, let items = value as? [[String: String]] {
      self = .list(.stringDictionaries(items))
    } else if type == Self.textsType, let items = value as? [String] {
      self = .list(.texts(items))
    } else if let text = value as? String {
      self = .text(text)
    } else if let flag = value as? Bool {
      self = .flag(flag)
    } else if let number = value as? Int {
      self = .number(number)
    } else if let dictionary = value as? [String: Any] {
      self = .dictionary(dictionary)
    } else if let items = value as? [Any] {
      self = .list(.values(items))
    } else {
      throw TemplateRenderer.Unsupported()
    }
  }

  /// A context value with its kind, told apart once: the renderer's context stack and the values its lookups find
  /// are kept so, instead of being cast again at every name looked up through them.
  struct Classified {
    /// The value as the context holds it (`{{…}}` of a dictionary or list prints it as the library does).
    var value: Any
    var kind: TemplateValue

    init(_ value: Any) throws(TemplateRenderer.Unsupported) {
      self.value = value
      kind = try TemplateValue(value)
    }
  }

  /// The child `name`, as the library finds it: a dictionary's entry; strings, numbers, flags and lists have none
  /// (their mirrors have no labelled children).
  func child(_ name: String) -> Any? {
    switch self {
    case .dictionary(let dictionary): dictionary[name]
    case .strings(let dictionary): dictionary[name]
    case .layout(let layout): name == "content" ? layout.content : layout.page[name]
    case .text, .flag, .number, .list, .html: nil
    }
  }

  /// What `{{…}}` prints for `value` (this value): the library's `String(describing:)` of the value, unwrapped when
  /// it is an optional (a dictionary or list in an optional is left to the library).
  func text(describing value: Any) throws(TemplateRenderer.Unsupported) -> String {
    switch self {
    case .text(let text): return text
    case .flag(let flag): return String(flag)
    case .number(let number): return String(number)
    case .html(let bytes): return String(decoding: bytes, as: UTF8.self)
    case .layout: throw TemplateRenderer.Unsupported()
    case .dictionary, .strings, .list:
      guard !(value is any OptionalValue) else { throw TemplateRenderer.Unsupported() }
      return String(describing: value)
    }
  }

  private static let stringType = ObjectIdentifier(String.self)
  private static let htmlType = ObjectIdentifier(RenderedHTML.self)
  private static let layoutType = ObjectIdentifier(LayoutContext.self)
  private static let boolType = ObjectIdentifier(Bool.self)
  private static let dictionaryType = ObjectIdentifier([String: Any].self)
  private static let stringDictionaryType = ObjectIdentifier([String: String].self)
  private static let dictionariesType = ObjectIdentifier([[String: Any]].self)
  private static let stringDictionariesType = ObjectIdentifier([[String: String]].self)
  private static let textsType = ObjectIdentifier([String].self)
}

/// A page rendered by `TemplateRenderer`, as the layout receives it (`{{{content}}}`): its bytes, which become a
/// `String` nowhere.
struct RenderedHTML {
  var bytes: [UInt8]
}

/// The layout's context: the page's context with `content` added (what swift-mustache gets as a copy of the page's
/// dictionary with one more key).
struct LayoutContext {
  var page: [String: Any]
  var content: RenderedHTML
}

/// Optionals, whatever they wrap.
private protocol OptionalValue {}
extension Optional: OptionalValue {}
