/// Where the Liquid tags in a piece of sanitised HTML may be: the tags of a raw HTML block are resolved after the
/// sanitiser (`InlineTransformer.resolveLiquid(inRawHTML:)`), each replaced from its `{{`/`{%` to its `}}`/`%}`
/// wherever those are. A `{{ … }}` wholly inside an attribute value becomes escaped text there; a `{% … %}` can
/// become the builder's HTML (an icon, a tool link) and a `{{` closed further on would swallow the value's closing
/// quote, so that what follows (text the sanitiser let through as text) would be read as attributes.
enum LiquidSpans {
  /// True when `value` (an attribute value as written) holds no `{%` and closes every `{{` it opens.
  static func staysInside(_ value: ArraySlice<UInt8>) -> Bool {
    var index = value.startIndex
    var open = false
    while index + 1 < value.endIndex {
      let pair = (value[index], value[index + 1])
      if pair == (UInt8(ascii: "{"), UInt8(ascii: "%")) { return false }
      if !open, pair == (UInt8(ascii: "{"), UInt8(ascii: "{")) {
        open = true
        index += 2
      } else if open, pair == (UInt8(ascii: "}"), UInt8(ascii: "}")) {
        open = false
        index += 2
      } else {
        index += 1
      }
    }
    return !open
  }

  /// True when `text` holds `{{` or `{%`.
  static func hasOpener(_ text: ArraySlice<UInt8>) -> Bool {
    var index = text.startIndex
    while index + 1 < text.endIndex {
      if text[index] == UInt8(ascii: "{"), text[index + 1] == UInt8(ascii: "{") || text[index + 1] == UInt8(ascii: "%") {
        return true
      }
      index += 1
    }
    return false
  }
}
