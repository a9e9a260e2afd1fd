extension FrontMatter {
  /// The front matter fields `{{ page.x }}` reads in snippets: the named scalar fields and every other top-level
  /// field as its YAML text.
  var liquidVariables: [String: String] {
    var variables: [String: String] = [:]
    for (key, value) in extra {
      let text = value.trimmingSpaces
      if !text.contains("\n") { variables[key] = String(text) }
    }
    variables["title"] = title
    if let layout { variables["layout"] = layout }
    if let level { variables["level"] = level }
    if let zenodoLink { variables["zenodo_link"] = zenodoLink }
    return variables
  }
}
