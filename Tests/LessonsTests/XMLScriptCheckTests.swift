import Testing

@testable import Lessons

/// `XMLScriptCheck` reads an SVG image (or XML file) beside a lesson as a browser would and names the first thing in
/// it that could run script on the site's origin; real figures (Inkscape, draw.io, Google Drawings) pass.
@Suite("SVG and XML script check")
struct XMLScriptCheckTests {
  static func finding(_ text: String) -> XMLScriptCheck.Finding? {
    XMLScriptCheck.firstFinding(in: Array(text.utf8))
  }

  static let inkscape = """
    <?xml version="1.0" encoding="UTF-8" standalone="no"?>
    <!-- Created with Inkscape (http://www.inkscape.org/) -->
    <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
    <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
       xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3.2" orient="auto">
      <defs><linearGradient xlink:href="#g3" id="g30"/></defs>
      <style><![CDATA[ .a > .b { fill: url(#g30) } ]]></style>
      <image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/>
      <a xlink:href="https://galaxyproject.org/?a=1&amp;b=2"><text>Galaxy &lt;script&gt;</text></a>
      <use xlink:href="#g30"/><use href="other.svg#shape"/>
    </svg>
    """

  static let illustrator = """
    <?xml version="1.0" encoding="utf-8"?>
    <!-- Generator: Adobe Illustrator 24.0.1, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
    <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
    	<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">
    	<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
    	<!-- the Illustrator graph namespace -->
    	<!ENTITY ns_graphs 'http://ns.adobe.com/Graphs/1.0/'>
    ]>
    <svg version="1.1" xmlns:x="&ns_extend;" xmlns:i="&ns_ai;" xmlns:graph="&ns_graphs;" xmlns="http://www.w3.org/2000/svg">
    <switch><foreignObject requiredExtensions="&ns_ai;" x="0" y="0" width="1" height="1"><i:pgfRef xlink:href="#adobe_illustrator_pgf"></i:pgfRef></foreignObject>
    <g i:extraneous="self"><rect width="10" height="10"/></g></switch>
    <i:pgf id="adobe_illustrator_pgf"><![CDATA[ eJzs ]]></i:pgf>
    </svg>
    """

  static let drawio = """
    <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" content="&lt;mxfile&gt;&lt;script&gt;&lt;/mxfile&gt;">
    <g><switch><foreignObject pointer-events="none" requiredFeatures="http://www.w3.org/TR/SVG11/feature#Extensibility">
    <div xmlns="http://www.w3.org/1999/xhtml" style="display: flex;"><div><font>Reads</font><br/><b>QC</b></div></div>
    </foreignObject><text x="1" y="2">Reads</text></switch></g>
    <switch><g requiredFeatures="http://www.w3.org/TR/SVG11/feature#Extensibility"/>
    <a transform="translate(0,-5)" xlink:href="https://www.diagrams.net/doc/faq/svg-export-text-problems" target="_blank">
    <text>Text is not SVG - cannot display</text></a></switch></svg>
    """

  @Test("Inkscape, draw.io and Illustrator figures pass (Illustrator's namespace entities, draw.io's foreignObject labels, data:image bitmaps, fragments, links)")
  func realFiguresPass() {
    #expect(Self.finding(Self.inkscape) == nil)
    #expect(Self.finding(Self.drawio) == nil)
    #expect(Self.finding(Self.illustrator) == nil)
    #expect(Self.finding("<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0\"/></svg>") == nil)
  }

  @Test(
    "what could run script is found, on its line",
    arguments: [
      ("<svg>\n<script>alert(1)</script></svg>", "the element <script>", 2),
      ("<svg>\n\n<svg:script xlink:href=\"x.js\"/></svg>", "the element <svg:script>", 3),
      ("<svg onload=\"alert(1)\"/>", "an event handler attribute (onload)", 1),
      ("<svg><g x:OnClick='alert(1)'/></svg>", "an event handler attribute (x:onclick)", 1),
      ("<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>", "an address that is not relative or http(s) in href= of <a>", 1),
      ("<svg><a xlink:href=\"&#106;avascript:alert(1)\">x</a></svg>", "an address that is not relative or http(s) in xlink:href= of <a>", 1),
      ("<svg><a xlink:href=\"java\tscript:alert(1)\">x</a></svg>", "an address that is not relative or http(s) in xlink:href= of <a>", 1),
      ("<svg><g xml:base=\"javascript:alert(1)//\"><a href=\"x\">x</a></g></svg>", "an address that is not relative or http(s) in xml:base= of <g>", 1),
      ("<svg><use href=\"data:image/svg+xml,&lt;svg id='x'&gt;#x\"/></svg>", "an address that is not relative or http(s) in href= of <use>", 1),
      ("<svg><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>", "an animation that sets href (<set attributeName=…>)", 1),
      ("<svg><animate attributeName='xlink:href' values='javascript:alert(1)'/></svg>", "an animation that sets href (<animate attributeName=…>)", 1),
      ("<svg><a><set attributeName=\"&#104;ref\" to=\"javascript:alert(1)\"/></a></svg>", "an animation that sets href (<set attributeName=…>)", 1),
      ("<svg><foreignObject><iframe src=\"x\"/></foreignObject></svg>", "the element <iframe>", 1),
      ("<svg><foreignObject><embed src=\"x.swf\"/></foreignObject></svg>", "the element <embed>", 1),
      ("<svg><foreignObject><object data=\"x.html\"/></foreignObject></svg>", "the element <object>", 1),
      ("<svg><foreignObject><img src=\"x\" onerror=\"alert(1)\"/></foreignObject></svg>", "an event handler attribute (onerror)", 1),
      ("<svg><foreignObject><p srcdoc=\"x\"/></foreignObject></svg>", "a srcdoc attribute", 1),
      ("<!DOCTYPE svg [\n <!ENTITY s \"&#60;script&#62;alert(1)&#60;/script&#62;\"> ]><svg>&s;</svg>", "an entity whose text holds markup or references (<!ENTITY … \"<…\">)", 2),
      ("<!DOCTYPE svg [ <!ENTITY s '<script>alert(1)</script>'> ]><svg>&s;</svg>", "an entity whose text holds markup or references (<!ENTITY … \"<…\">)", 1),
      ("<!DOCTYPE svg [ <!ATTLIST svg onload CDATA \"alert(1)\"> ]><svg/>", "a DOCTYPE internal subset declaring <!ATTLIST …", 1),
      ("<!DOCTYPE svg [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]><svg>&x;</svg>", "an external or parameter entity in the DOCTYPE", 1),
      ("<!DOCTYPE svg [ <!ENTITY % p \"x\"> ]><svg/>", "an external or parameter entity in the DOCTYPE", 1),
      ("<!DOCTYPE svg [ <!ENTITY js \"javascript:alert(1)\"> ]><svg><a href=\"&js;\">x</a></svg>", "an address that is not relative or http(s) in href= of <a>", 1),
      ("<!DOCTYPE svg [ <!ENTITY a \"x\"> ]<svg onload=\"alert(1)\"/>", "a DOCTYPE that does not end after its internal subset", 1),
      ("<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"evil.xsl\"?><svg/>", "the processing instruction <?xml-stylesheet…?>", 2),
      ("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><svg/>", "the encoding shift_jis, which this check cannot read", 1),
      ("<svg><g", "a tag or comment the file ends inside", 1),
      ("<svg>\n<!ENTITY s \"x\">", "the declaration <!ENTITY…>", 2),
    ])
  func found(_ text: String, what: String, line: Int) {
    let finding = Self.finding(text)
    #expect(finding?.what == what)
    #expect(finding?.line == line)
  }

  @Test("UTF-16 text, whose tags a byte scan cannot see, is refused")
  func utf16() {
    let utf16: [UInt8] = [0xFF, 0xFE] + Array("<svg onload=\"alert(1)\"/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(XMLScriptCheck.firstFinding(in: utf16)?.what.hasPrefix("a UTF-16 or UTF-32 text") == true)
    #expect(XMLScriptCheck.firstFinding(in: Array(utf16.dropFirst(2)))?.what.hasPrefix("a UTF-16 or UTF-32 text") == true)
  }
}
