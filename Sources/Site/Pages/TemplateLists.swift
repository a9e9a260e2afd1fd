/// Lists of the tutorial page as ready HTML (`tocItems`, `questionItems`, `objectiveItems`, `keyPointItems`,
/// `contributorItems`) and of the index and topic pages (`tutorialRows`), for templates that show them as the shipped ones do: one `{{{…}}}` per list instead of a
/// Mustache section over its items.
///
/// Every item of a section costs the renderer a context frame and, for each `{{…}}` in it, a lookup through the
/// Swift runtime's dynamic casts; a page has dozens of them. Each string here is byte for byte what the shipped
/// templates' sections gave (values escaped with `TemplateEscaping`), so a templates folder may use either: the
/// lists themselves (`toc`, `questions`, …) stay in the context.
enum TemplateLists {
  /// The agenda's entries: `<li class="toc-level-2"><a href="#id">Title</a></li>` and a line break, each.
  static func tableOfContents(_ entries: [TableOfContentsEntry]) -> String {
    var html = ""
    html.reserveCapacity(entries.count * 80)
    for entry in entries {
      html += "<li class=\"toc-level-"
      html += TemplateEscaping.escape(String(entry.level))
      html += "\"><a href=\"#"
      html += TemplateEscaping.escape(entry.id)
      html += "\">"
      html += TemplateEscaping.escape(entry.title)
      html += "</a></li>\n"
    }
    return html
  }

  /// Items already HTML (questions, objectives, key points): `<li>…</li>` each, followed by `separator`.
  static func items(_ html: [String], separator: String = "") -> String {
    var result = ""
    result.reserveCapacity(html.reduce(0) { $0 + $1.utf8.count + 10 })
    for item in html {
      result += "<li>"
      result += item
      result += "</li>"
      result += separator
    }
    return result
  }

  /// People (`ContributorDirectory.entry`): `<li>` with their name, linked to their page when they have one, and a
  /// line break, each.
  static func people(_ entries: [[String: Any]]) -> String {
    var html = ""
    for entry in entries {
      let name = TemplateEscaping.escape(entry["name"] as? String ?? "")
      html += "<li>"
      if let link = entry["link"] as? String {
        html += "<a href=\"" + TemplateEscaping.escape(link) + "\">" + name + "</a>"
      } else {
        html += name
      }
      html += "</li>\n"
    }
    return html
  }

  /// The rows of a topic's table of tutorials (`IndexPage`'s `tutorials` entries): title linked, level, time, and a
  /// line break, each.
  static func tutorialRows(_ entries: [[String: Any]]) -> String {
    var html = ""
    html.reserveCapacity(entries.count * 160)
    for entry in entries {
      html += "<tr><td><a href=\""
      html += TemplateEscaping.escape(entry["link"] as? String ?? "")
      html += "\">"
      html += TemplateEscaping.escape(entry["title"] as? String ?? "")
      html += "</a></td><td>"
      if let level = entry["level"] as? String {
        let escaped = TemplateEscaping.escape(level)
        html += "<span class=\"level level-" + escaped + "\">" + escaped + "</span>"
      }
      html += "</td><td>"
      html += TemplateEscaping.escape(entry["time"] as? String ?? "")
      html += "</td></tr>\n"
    }
    return html
  }
}
