/// Inline SVG icons for boxes and `{% icon name %}`, so pages need no icon font and no request to a CDN.
///
/// Each icon is a few strokes in a 24×24 box drawn with `currentColor`; next to it goes visually hidden text for
/// screen readers. Names follow GTN's (`question`, `hands_on`, `galaxy-eye`, `param-file`, …).
public enum Icons {
  /// The SVG shapes of each known icon name.
  static let shapes: [String: String] = {
    let pencil = #"<path d="M17 3a2.8 2.8 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5z"/>"#
    let file = #"<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>"#
    let comment = #"<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>"#
    let eye = #"<path d="M1 12s4-8 11-8 11 8 11 8-4 8-11 8-11-8-11-8z"/><circle cx="12" cy="12" r="3"/>"#
    let check = #"<path d="M22 11.1V12a10 10 0 1 1-5.9-9.1"/><path d="M22 4 12 14l-3-3"/>"#
    let info = #"<circle cx="12" cy="12" r="10"/><path d="M12 16v-4M12 8h.01"/>"#
    let trophy =
      #"<path d="M6 9H4a2 2 0 0 1 0-4h2M18 9h2a2 2 0 0 0 0-4h-2M4 22h16M10 15v2c0 1-1 1-2 2s-1 2-1 3M14 15v2c0 1 1 1 2 2s1 2 1 3M18 2H6v7a6 6 0 0 0 12 0z"/>"#
    let list = #"<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>"#
    let wrench =
      #"<path d="M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.8-3.8a6 6 0 0 1-7.9 7.9l-6.9 6.9a2.1 2.1 0 0 1-3-3l6.9-6.9a6 6 0 0 1 7.9-7.9z"/>"#
    return [
      "question": #"<circle cx="12" cy="12" r="10"/><path d="M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01"/>"#,
      "solution": check,
      "hands_on": pencil, "hands-on": pencil, "galaxy-pencil": pencil,
      "tip": #"<path d="M9 18h6M10 22h4M12 2a7 7 0 0 0-4 12.7V16h8v-1.3A7 7 0 0 0 12 2z"/>"#,
      "comment": comment, "feedback": comment, "spoken": comment,
      "warning": #"<path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0zM12 9v4M12 17h.01"/>"#,
      "details": info, "info": info, "overview": info, "hidden": info, "matrix": info,
      "agenda": list,
      "tool": wrench, "galaxy-gear": wrench,
      "time": #"<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>"#,
      "objectives": #"<circle cx="12" cy="12" r="10"/><circle cx="12" cy="12" r="6"/><circle cx="12" cy="12" r="2"/>"#,
      "keypoints": #"<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6M15.5 7.5l3 3L22 7l-3-3"/>"#,
      "level": #"<path d="M4 20V14M10 20V9M16 20V4"/>"#,
      "requirements": list, "follow-up": list, "glossary": list,
      "key_points": #"<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6M15.5 7.5l3 3L22 7l-3-3"/>"#,
      "contributors":
        #"<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8"/>"#,
      "code-in": #"<path d="m4 17 6-6-6-6M12 19h8"/>"#,
      "code-out": #"<rect x="2" y="3" width="20" height="14" rx="2"/><path d="M8 21h8M12 17v4"/>"#,
      "code-2col": #"<path d="m16 18 6-6-6-6M8 6l-6 6 6 6"/>"#,
      "quote": #"<path d="M3 21c3 0 7-1 7-8V5H3v7h4c0 4-2 6-4 6zM14 21c3 0 7-1 7-8V5h-7v7h4c0 4-2 6-4 6z"/>"#,
      "trophy": trophy, "congratulations": trophy,
      "galaxy-eye": eye, "eye": eye,
      "param-file": file, "param-files": file, "param-collection": file, "param-text": file, "param-select": file,
      "param-check": check, "param-repeat": list, "file": file,
      "galaxy-upload": #"<path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M17 8l-5-5-5 5M12 3v12"/>"#,
      "galaxy-refresh":
        #"<path d="M23 4v6h-6M1 20v-6h6M3.5 9a9 9 0 0 1 14.9-3.4L23 10M1 14l4.6 4.4A9 9 0 0 0 20.5 15"/>"#,
      "galaxy-columns": #"<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M9 3v18M15 3v18"/>"#,
      "galaxy-history": #"<path d="M3 3v5h5M3.1 13A9 9 0 1 0 6 5.3L3 8M12 7v5l4 2"/>"#,
      "galaxy-delete": #"<path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6"/>"#,
      "galaxy-star": #"<path d="m12 2 3.1 6.3 6.9 1-5 4.9 1.2 6.8-6.2-3.2-6.2 3.2L7 14.2 2 9.3l6.9-1z"/>"#,
      "workflow": #"<circle cx="5" cy="6" r="3"/><circle cx="19" cy="18" r="3"/><path d="M8 6h5a3 3 0 0 1 3 3v6"/>"#,
      "code": #"<path d="m16 18 6-6-6-6M8 6l-6 6 6 6"/>"#,
      "external-link": #"<path d="M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6M15 3h6v6M10 14 21 3"/>"#,
    ].merging(galaxyInterface) { own, _ in own }
  }()

  /// GTN's names for Galaxy's buttons and its site menus (its `_config.yml` `icon-tag` list and the names newer
  /// tutorials use: `workflow-run`, `new-history`, `galaxy-wf-connection`…), drawn like the buttons they stand for.
  private static let galaxyInterface: [String: String] = {
    let plus = #"<path d="M12 5v14M5 12h14"/>"#
    let arrow = #"<path d="M5 12h14M12 5l7 7-7 7"/>"#
    let folder = #"<path d="M22 19a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h5l2 3h9a2 2 0 0 1 2 2z"/>"#
    let flow = #"<circle cx="5" cy="6" r="3"/><circle cx="19" cy="18" r="3"/><path d="M8 6h5a3 3 0 0 1 3 3v6"/>"#
    let screen = #"<rect x="2" y="3" width="20" height="14" rx="2"/><path d="M8 21h8M12 17v4"/>"#
    let people =
      #"<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8"/>"#
    let mail = #"<rect x="2" y="4" width="20" height="16" rx="2"/><path d="m22 6-10 7L2 6"/>"#
    let link = #"<path d="M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6M15 3h6v6M10 14 21 3"/>"#
    let files = #"<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>"#
    return [
      "galaxy-cross": #"<path d="M18 6 6 18M6 6l12 12"/>"#,
      "galaxy-tags": #"<path d="M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L2 12V2h10l8.6 8.6a2 2 0 0 1 0 2.8zM7 7h.01"/>"#,
      "galaxy-selector": #"<path d="m9 11 3 3L22 4"/><path d="M21 12v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h11"/>"#,
      "galaxy-chart-select-data":
        #"<ellipse cx="12" cy="5" rx="9" ry="3"/><path d="M21 12c0 1.7-4 3-9 3s-9-1.3-9-3M3 5v14c0 1.7 4 3 9 3s9-1.3 9-3V5"/>"#,
      "galaxy-save": #"<path d="M19 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h11l5 5v11a2 2 0 0 1-2 2z"/><path d="M17 21v-8H7v8M7 3v5h8"/>"#,
      "galaxy-scratchbook":
        #"<rect x="3" y="3" width="7" height="7"/><rect x="14" y="3" width="7" height="7"/><rect x="14" y="14" width="7" height="7"/><rect x="3" y="14" width="7" height="7"/>"#,
      "galaxy-library": folder, "topic": folder,
      "galaxy-barchart": #"<path d="M12 20V10M18 20V4M6 20v-4"/>"#,
      "galaxy-dropdown": #"<path d="m6 9 6 6 6-6"/>"#,
      "galaxy-home": #"<path d="m3 9 9-7 9 7v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z"/><path d="M9 22V12h6v10"/>"#,
      "new-history": plus, "galaxy-wf-new": plus,
      "workflow-run": #"<path d="m5 3 14 9-14 9z"/>"#,
      "galaxy-wf-connection": arrow, "wf-input": arrow,
      "galaxy-workflows-activity": flow,
      "zenodo_link": files, "tutorial": #"<rect x="2" y="4" width="20" height="12" rx="2"/><path d="M2 20h20"/>"#,
      "slides": screen, "interactive_tour": #"<path d="m12 2 3.1 6.3 6.9 1-5 4.9 1.2 6.8-6.2-3.2-6.2 3.2L7 14.2 2 9.3l6.9-1z"/>"#,
      "instances": #"<circle cx="12" cy="12" r="3"/><path d="M12 1v4M12 19v4M4.2 4.2l2.8 2.8M17 17l2.8 2.8M1 12h4M19 12h4M4.2 19.8 7 17M17 7l2.8-2.8"/>"#,
      "docker_image": #"<path d="M21 16V8l-9-5-9 5v8l9 5z"/>"#,
      "galaxy_instance": link,
      "references": #"<path d="m19 21-7-5-7 5V5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2z"/>"#,
      "gitter": #"<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>"#,
      "help": #"<circle cx="12" cy="12" r="10"/><circle cx="12" cy="12" r="4"/><path d="m4.9 4.9 4.3 4.3M14.8 14.8l4.3 4.3M14.8 9.2l4.3-4.3M4.9 19.1l4.3-4.3"/>"#,
      "github": link, "twitter": link, "linkedin": link, "orcid": link, "email": mail,
      "curriculum": #"<path d="M22 10 12 5 2 10l10 5 10-5zM6 12v5c3 3 9 3 12 0v-5"/>"#,
      "hall-of-fame": people,
    ]
  }()

  /// The shapes used for a name no icon is known for.
  static let generic = #"<circle cx="12" cy="12" r="10"/><circle cx="12" cy="12" r="1.5"/>"#

  /// True when `name` has an icon of its own.
  public static func isKnown(_ name: String) -> Bool { shapes[name] != nil }

  /// The `<svg>` for `name` (the generic icon when unknown) followed by visually hidden text saying `label`
  /// (the name when nil), both escaped; an empty `label` marks the icon as decorative (no hidden text).
  public static func html(_ name: String, label: String? = nil) -> String {
    var output = ""
    append(name, label: label, to: &output)
    return output
  }

  /// Appends what `html(_:label:)` returns to `output`.
  public static func append(_ name: String, label: String? = nil, to output: inout String) {
    output += #"<svg class="icon icon-"#
    HTMLEscaping.escape(name, into: &output)
    output +=
      #"" viewBox="0 0 24 24" width="16" height="16" style="fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round" aria-hidden="true">"#
    output += shapes[name] ?? generic
    output += "</svg>"
    let text = label ?? String(decoding: name.utf8.map { $0 == 95 || $0 == 45 ? 32 : $0 }, as: UTF8.self)
    guard !text.isEmpty else { return }
    output += #"<span class="visually-hidden">"#
    HTMLEscaping.escape(text, into: &output)
    output += "</span>"
  }
}
