/// GTN's `{% include _includes/cyoa-choices.html option1="Short" option2="Long" default="Short" text="…" %}`
/// ("choose your own tutorial") shows buttons that hide all branches but one with JavaScript. The site has no
/// JavaScript, so the include becomes a note naming the branches instead; the branches themselves
/// (`<div class="Short" markdown="1">…</div>`) all stay on the page, readable one after the other.
enum ChooseYourOwnTutorial {
  static func isChoices(_ path: String) -> Bool {
    path.split(separator: "/").last == "cyoa-choices.html"
  }

  /// The note's Markdown lines (a comment box).
  static func lines(_ parameters: [String: String]) -> [String] {
    let options = (1...10).compactMap { parameters["option\($0)"] }.filter { !$0.isEmpty }
    var text = parameters["text"].map { $0 + " " } ?? ""
    text += options.isEmpty
      ? "This tutorial has several versions; all of them are shown below."
      : "This tutorial has versions for: " + options.map { "**\(escaped($0))**" }.joined(separator: ", ")
        + ". All of them are shown below, one after the other, each marked with its name."
    if let chosen = parameters["default"], !chosen.isEmpty { text += " The usual choice is **\(escaped(chosen))**." }
    return ["> <comment-title>Choose your own tutorial</comment-title>", ">", "> " + text, "{: .comment}"]
  }

  /// Markdown-inert text: the option names are the author's, but `*`, `_`, `<` in them are kept as text.
  private static func escaped(_ text: String) -> String {
    var output = ""
    for character in text {
      if "\\*_`[]<>".contains(character) { output.append("\\") }
      output.append(character)
    }
    return output
  }
}
