import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The elements of an SVG document as parsed by XMLParser: a parse failure means the SVG is not well-formed XML.
final class SVGParsing: NSObject, XMLParserDelegate {
  struct Element {
    var name: String
    var attributes: [String: String]
    var text: String
  }

  private(set) var elements: [Element] = []
  private var open: [Int] = []
  private(set) var error: String?

  static func parse(_ svg: String) -> SVGParsing {
    let parsing = SVGParsing()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = parsing
    if !parser.parse() {
      parsing.error = parser.parserError.map { "\($0)" } ?? "unknown parse error"
    }
    return parsing
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements.append(Element(name: elementName, attributes: attributes, text: ""))
    open.append(elements.count - 1)
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let index = open.last { elements[index].text += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    open.removeLast()
  }

  /// Elements whose class attribute contains `className`.
  func withClass(_ className: String) -> [Element] {
    elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
  }
}
