import Testing

@testable import Site

/// GTN's icon names have icons of their own, not the generic one (a corpus of 30 GTN tutorials had 44 generic
/// icons in 13 names before).
@Suite struct IconNameTests {
  /// GTN's `_config.yml` `icon-tag` list, and the names newer GTN tutorials and FAQs use.
  static let gtnNames = [
    "question", "solution", "hands_on", "comment", "tip", "objectives", "requirements", "time", "keypoints", "tool",
    "feedback", "congratulations", "trophy", "warning", "details", "param-file", "param-files", "param-collection",
    "param-text", "param-check", "param-select", "param-repeat", "galaxy-eye", "galaxy-gear", "galaxy-history",
    "galaxy-library", "galaxy-pencil", "galaxy-refresh", "galaxy-barchart", "galaxy-cross", "galaxy-columns",
    "galaxy-tags", "galaxy-selector", "galaxy-upload", "galaxy-chart-select-data", "galaxy-save", "galaxy-scratchbook",
    "zenodo_link", "tutorial", "slides", "interactive_tour", "workflow", "topic", "instances", "docker_image",
    "galaxy_instance", "references", "gitter", "help", "github", "email", "twitter", "linkedin", "orcid", "curriculum",
    "hall-of-fame",
    "galaxy-dropdown", "galaxy-home", "new-history", "galaxy-wf-new", "workflow-run", "galaxy-wf-connection",
    "wf-input", "galaxy-workflows-activity", "external-link",
  ]

  @Test(arguments: gtnNames)
  func hasAnIconOfItsOwn(_ name: String) {
    #expect(Icons.isKnown(name))
    #expect(!Icons.html(name).contains(Icons.generic))
  }
}
