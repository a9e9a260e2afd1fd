import Foundation

/// The script `lessons serve` adds to the pages it serves (and only to those: the built site never has it): it
/// listens to `/__lessons/events` and reloads the page after each rebuild, or shows the build's errors over the
/// page (file:line) until a build goes through.
public enum LiveReloadScript {
  /// Where the script is served.
  public static let scriptPath = "/__lessons/live-reload.js"
  /// The Server-Sent Events stream: a `hello` event with the latest outcome on connecting, then one `rebuild`
  /// event per rebuild (see `RebuildOutcome`).
  public static let eventsPath = "/__lessons/events"

  /// `page` with the script tag (naming the build `generation` the page comes from) before its last `</body>`, or
  /// at its end when there is none.
  public static func inject(into page: Data, generation: Int) -> Data {
    let tag = Data("<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>\n".utf8)
    var page = page
    if let end = page.range(of: Data("</body>".utf8), options: .backwards) {
      page.insert(contentsOf: tag, at: end.lowerBound)
    } else {
      page.append(tag)
    }
    return page
  }

  /// The script: builds the overlay with `textContent` only, so error text never becomes markup.
  public static let source = """
    (function () {
      "use strict";
      var script = document.currentScript;
      var served = Number(script && script.getAttribute("data-generation"));
      var overlay = null;
      function show(errors) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "lessons-build-error";
          overlay.setAttribute("role", "alert");
          overlay.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;" +
            "z-index:2147483647;margin:0;padding:1em 1.25em;background:#fff5f5;color:#5c0000;" +
            "border-top:4px solid #b00020;font:14px/1.45 ui-monospace,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.25)";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "";
        var title = document.createElement("strong");
        title.textContent = "Build failed; the page shows the last good build.";
        var list = document.createElement("div");
        list.style.cssText = "white-space:pre-wrap;margin:.5em 0 0";
        list.textContent = errors.join("\\n");
        overlay.appendChild(title);
        overlay.appendChild(list);
      }
      function handle(event) {
        var outcome = JSON.parse(event.data);
        if (outcome.errors.length) { show(outcome.errors); return; }
        if (outcome.generation !== served) { location.reload(); return; }
        if (overlay) { overlay.remove(); overlay = null; }
      }
      if (!window.EventSource) { return; }
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("hello", handle);
      source.addEventListener("rebuild", handle);
    })();

    """
}
