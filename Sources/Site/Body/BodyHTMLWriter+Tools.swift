import Foundation
import Lessons

/// `{% tool [Flye](toolshed.g2.bx.psu.edu/repos/bgruening/flye/flye/2.9+galaxy0) %}`: the label, then the tool's id
/// and version, linked to the tool on the site's Galaxy server (`galaxy_url` in site.yaml) when there is one.
extension BodyHTMLWriter {
  mutating func writeTool(label: String, id: String) {
    let (tool, version) = Self.toolIDAndVersion(id)
    let link = galaxyURL.map { Self.toolLink(server: $0, id: id, version: version) }
    if let link {
      html += "<a class=\"tool\" href=\""
      HTMLEscaping.escape(link, into: &html)
      html += "\">"
    } else {
      html += "<span class=\"tool\">"
    }
    Icons.append("tool", label: "Tool:", to: &html)
    html += " <strong>"
    HTMLEscaping.escape(label, into: &html)
    html += "</strong>"
    if tool != label {
      html += " <span class=\"tool-id\">("
      HTMLEscaping.escape(tool, into: &html)
      if let version {
        html += ", version "
        HTMLEscaping.escape(version, into: &html)
      }
      html += ")</span>"
    }
    html += link == nil ? "</span>" : "</a>"
  }

  /// A Tool Shed id `host/repos/owner/repo/tool/version` → (`host/repos/owner/repo/tool`, version); other ids
  /// (built-in tools such as `Cut1`) have no version.
  static func toolIDAndVersion(_ id: String) -> (id: String, version: String?) {
    let parts = id.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count >= 6, parts.contains("repos"), let last = parts.last, last.first?.isNumber == true else {
      return (id, nil)
    }
    return (parts.dropLast().joined(separator: "/"), String(last))
  }

  /// `server/?tool_id=…&version=…`, as GTN links tools; the id is percent-encoded.
  static func toolLink(server: String, id: String, version: String?) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let base = server.hasSuffix("/") ? String(server.dropLast()) : server
    var link = base + "/?tool_id=" + (id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id)
    if let version { link += "&version=" + (version.addingPercentEncoding(withAllowedCharacters: allowed) ?? version) }
    return link
  }
}
