import Foundation
import TestSupport
import Testing

/// search.html in headless Chromium, from file://, on sites built by `lessons build`: what a reader sees and which
/// index files the page loads.
@Suite("Search in a real browser", .serialized, .enabled(if: Browser.path != nil, "chromium is not installed"))
struct SearchBrowserTests {
  static let hostileTitle = #"</script><script>document.title='pwned'</script><img src=x onerror="document.body.setAttribute('data-pwned','1')">"#

  /// Lessons without cells (quick to build): titles, headings, prose and Unicode to search.
  static let lessons: [String: String] = [
    "title-zebra": """
      ---
      title: Zebrafish genomes
      ---
      A short lesson that names its subject once in the text: zebrafish.

      """,
    "body-zebra": """
      ---
      title: Fish in general
      ---
      ## Zebrafish everywhere

      Zebrafish, zebrafish and zebrafish again: more mentions than the lesson titled so, but not in the title.

      """,
    "hostile": """
      ---
      title: "\(hostileTitle.replacingOccurrences(of: "\"", with: "\\\""))"
      ---
      Hostile lessons mention the okapi <b>too</b>.

      Text that looks like markup: `</script><script>document.title='pwned2'</script>`.

      """,
    "long-prose": """
      ---
      title: Marsupials
      ---
      The quokka lives on islands; \((1...40).map { "sentence\($0) about marsupials and their habits" }.joined(separator: ", ")).

      """,
    "unicode": """
      ---
      title: Café au lait
      ---
      ## Résumé

      Le café est servi. 中文内容在这里。

      """,
  ]

  /// A built project with `lessons` (and any `extra` lessons) in topic-a; removed by the caller.
  static func builtProject(extra: [String: String] = [:]) async throws -> String {
    try await OffPool.run { try buildProject(extra: extra) }
  }

  private static func buildProject(extra: [String: String]) throws -> String {
    let project = try CommandRunner.makeProject(lessons: 0)
    for (name, text) in lessons.merging(extra, uniquingKeysWith: { $1 }) {
      try TestFiles.write(text, to: project + "/content/topics/topic-a/tutorials/\(name)/tutorial.md")
    }
    let build = try CommandRunner.run(["build", "--quiet"], in: project, timeout: 240)
    guard build.status == 0 else { throw RunnerError("build failed: \(build.errors)") }
    return project
  }

  /// The DOM of search.html?q=`query` (percent-encoded here).
  static func search(_ project: String, _ query: String?) async throws -> String {
    var url = "file://" + project + "/site/search.html"
    if let query {
      url += "?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query)
    }
    return try await Browser.dom(url)
  }

  /// The `src` of every script element in `dom` under `folder` (the page inserts one per index file it loads).
  static func scripts(_ dom: String, under folder: String) -> [String] {
    dom.matches(of: /<script[^>]*\bsrc="([^"]*)"/).map { String($0.1) }.filter { $0.hasPrefix(folder) }.sorted()
  }

  /// The result titles, in order.
  static func titles(_ dom: String) -> [String] {
    dom.matches(of: /class="search-result-title" href="[^"]*">([^<]*)</).map { String($0.1) }
  }

  @Test("a title match ranks above more mentions in the text; prefixes match; a query loads only its shards",
    .timeLimit(.minutes(4)))
  func rankingAndShards() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let dom = try await Self.search(project, "zebrafish")
    #expect(dom.contains("2 lessons match"), "\(dom.suffix(1500))")
    #expect(Self.titles(dom) == ["Zebrafish genomes", "Fish in general"])
    #expect(dom.contains("<mark>zebrafish</mark>"))
    #expect(dom.contains(">Zebrafish everywhere</a>"), "the section heading of the best section")
    // Only the "ze" shard of the whole index, which brings the results' sections and snippets too.
    let keys = try CommandRunner.read(project + "/site/search-index.js")
    let files = keys.components(separatedBy: "\"shards\":").last?.components(separatedBy: "],[").count ?? 0
    #expect(files > 20, "a real index has many shard files: \(keys)")
    #expect(Self.scripts(dom, under: "search/terms/") == ["search/terms/7a65.js"])
    #expect(Self.scripts(dom, under: "search/lessons/").isEmpty)
    #expect(dom.range(of: #"data-query-ms="[0-9.]+""#, options: .regularExpression) != nil)

    let prefix = try await Self.search(project, "Zebraf GENOM")
    #expect(Self.titles(prefix) == ["Zebrafish genomes"], "\(prefix.suffix(1500))")
    #expect(prefix.contains("text: <mark>zebrafish</mark>."))
  }

  @Test("the results' sections and snippets come with the term files: no per-lesson document is loaded",
    .timeLimit(.minutes(4)))
  func snippetsWithoutDocuments() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    // Without any lesson's document (the page used to load the shown lessons' documents for their snippets), each
    // result still shows its title, link, topic, best section and a snippet with the match marked.
    #expect(!FileManager.default.fileExists(atPath: project + "/site/search/lessons"), "no per-lesson documents are written")
    let dom = try await Self.search(project, "zebrafish")
    #expect(Self.titles(dom) == ["Zebrafish genomes", "Fish in general"], "\(dom.suffix(1500))")
    #expect(dom.contains(#"href="topics/topic-a/tutorials/title-zebra/tutorial.html">Zebrafish genomes</a>"#))
    #expect(dom.contains(#"href="topics/topic-a/tutorials/body-zebra/tutorial.html#zebrafish-everywhere">Zebrafish everywhere</a>"#))
    let snippets = dom.matches(of: /class="search-result-snippet">(.*?)<\/p>/).map { String($0.1) }
    // The second text is longer than a window: cut at a word, with an ellipsis.
    #expect(snippets.count == 2, "\(snippets)")
    #expect(snippets.first == "A short lesson that names its subject once in the text: <mark>zebrafish</mark>.")
    #expect(snippets.last?.hasPrefix("<mark>Zebrafish</mark>, <mark>zebrafish</mark> and <mark>zebrafish</mark> again: more") == true)
    #expect(snippets.last?.hasSuffix(" not in the …") == true, "\(snippets)")
    #expect(Self.scripts(dom, under: "search/").count == 1)
    #expect(dom.range(of: #"data-query-ms="[0-9.]+""#, options: .regularExpression) != nil)
  }

  @Test("a query asked on the page is answered in place: the address changes, loaded term files serve again, back returns",
    .timeLimit(.minutes(4)))
  func askedOnThePage() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    // The search page with a script that plays a reader: after the first results it asks "okapi" in the page's form,
    // goes back, then asks "quokka" in the header's search box, and logs what the page shows at each step. A form
    // that loaded the page anew would start the script again (and log "first" twice).
    let driver = #"""
      <script>
      (function () {
        var list = document.getElementById("search-results");
        var log = document.createElement("pre");
        log.id = "drive-log";
        document.body.appendChild(log);
        function note(step) {
          log.textContent += step + " | " + location.pathname.split("/").pop() + location.search + " | " +
            document.getElementById("search-query").value + " | " +
            document.querySelectorAll('script[src^="search/terms/"]').length + " | " +
            document.getElementById("search-status").textContent + " | " +
            Array.prototype.map.call(document.querySelectorAll(".search-result-title"), function (a) {
              return a.textContent; }).join(", ") + "\n";
        }
        function when(query, then, tries) {
          if (list.getAttribute("data-query") === query) { then(); return; }
          if (tries < 2000) { setTimeout(function () { when(query, then, tries + 1); }, 5); } else { note("no " + query); }
        }
        when("zebrafish", function () {
          note("first");
          document.getElementById("search-query").value = "okapi";
          document.querySelector("form.search-page-form").requestSubmit();
          when("okapi", function () {
            note("asked");
            history.back();
            when("zebrafish", function () {
              note("back");
              document.getElementById("site-search-query").value = "quokka";
              document.querySelector("form.site-search").requestSubmit();
              when("quokka", function () { note("header"); }, 0);
            }, 0);
          }, 0);
        }, 0);
      })();
      </script>
      """#
    let page = try CommandRunner.read(project + "/site/search.html")
    try TestFiles.write(
      page.replacingOccurrences(of: "</body>", with: driver + "\n</body>"), to: project + "/site/search-drive.html")
    let dom = try await Browser.dom("file://" + project + "/site/search-drive.html?q=zebrafish", virtualTime: 20_000)
    let log = dom.firstMatch(of: /<pre id="drive-log">([^<]*)<\/pre>/).map { String($0.1) } ?? ""
    let steps = log.split(separator: "\n").map(String.init)
    #expect(steps.count == 4, "\(log) \(dom.suffix(1500))")
    #expect(steps.first == "first | search-drive.html?q=zebrafish | zebrafish | 1 | 2 lessons match “zebrafish”. | "
      + "Zebrafish genomes, Fish in general")
    // "okapi" is in the hostile lesson only; its file is loaded, the "ze" file is not loaded again.
    #expect(steps.dropFirst().first?.hasPrefix("asked | search-drive.html?q=okapi | okapi | 2 | 1 lesson matches “okapi”. | ") == true,
      "\(steps)")
    #expect(steps.dropFirst(2).first == "back | search-drive.html?q=zebrafish | zebrafish | 2 | 2 lessons match “zebrafish”. | "
      + "Zebrafish genomes, Fish in general", "\(steps)")
    #expect(steps.dropFirst(3).first == "header | search-drive.html?q=quokka | quokka | 3 | 1 lesson matches “quokka”. | "
      + "Marsupials", "\(steps)")
  }

  @Test("a missing or damaged term file is said on the page; the query's other words still answer",
    .timeLimit(.minutes(4)))
  func damagedTermFiles() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    // "ze" (zebrafish) damaged: JSON that does not parse; "qu" (quokka) gone.
    try TestFiles.write(#"lessonsSearch.terms("ze", "{\"zebrafish\": [0, 1", []);"#, to: project + "/site/search/terms/7a65.js")
    try FileManager.default.removeItem(atPath: project + "/site/search/terms/7175.js")
    for query in ["zebrafish", "quokka"] {
      let dom = try await Self.search(project, query)
      #expect(dom.contains("No lesson matches “\(query)”. Part of the search index could not be loaded: build the site again."),
        "\(dom.suffix(1500))")
    }
    let other = try await Self.search(project, "okapi")
    #expect(other.contains("1 lesson matches “okapi”.</p>"), "\(other.suffix(1500))")
  }

  @Test("more matches than a page: the first page lists the best ten in order, the rest behind a button",
    .timeLimit(.minutes(4)))
  func firstPageInOrder() async throws {
    // Lesson n says "wombat" n times in about the same length of text: more mentions rank higher.
    var extra: [String: String] = [:]
    for count in 1...12 {
      let words = Array(repeating: "wombat", count: count) + Array(repeating: "filler", count: 14 - count)
      extra["wombat-\(count)"] = "---\ntitle: Note \(count)\n---\n\(words.joined(separator: " ")).\n"
    }
    let project = try await Self.builtProject(extra: extra)
    defer { try? FileManager.default.removeItem(atPath: project) }
    let dom = try await Self.search(project, "wombat")
    #expect(dom.contains("12 lessons match"), "\(dom.suffix(1500))")
    #expect(Self.titles(dom) == (3...12).reversed().map { "Note \($0)" })
    #expect(dom.contains(#"class="search-more""#), "the button that shows the last two")
    #expect(Self.scripts(dom, under: "search/lessons/").isEmpty, "no lesson's document")
    let snippets = dom.matches(of: /class="search-result-snippet">(.*?)<\/p>/).map { String($0.1) }
    #expect(snippets.count == 10 && snippets.allSatisfy { $0.contains("<mark>wombat</mark>") }, "\(snippets)")
  }

  @Test("the first page is the exact best ten, though lessons whose words stay in separate sections bound higher",
    .timeLimit(.minutes(4)))
  func firstPageExactThoughBoundsDiffer() async throws {
    // "Apart" lessons have many alphas in one section and many betas in another: if their words met in one section
    // they would score highest (the page's bound), but a lesson scores its best section, so the "together" lessons,
    // a few of each word in one section, rank first. The page scores only the lessons whose bound can still win.
    let filler = Array(repeating: "filler", count: 12).joined(separator: " ")
    var extra: [String: String] = [:]
    for n in 1...12 {
      let number = n < 10 ? "0\(n)" : "\(n)"
      extra["apart-\(number)"] = """
        ---
        title: Apart \(number)
        ---
        ## First part

        \(Array(repeating: "alpha", count: 8).joined(separator: " ")) \(filler).

        ## Second part

        \(Array(repeating: "beta", count: 8).joined(separator: " ")) \(filler).

        """
      extra["together-\(number)"] = """
        ---
        title: Together \(number)
        ---
        ## Both

        alpha alpha alpha beta beta beta \(filler) \(filler).

        """
    }
    let project = try await Self.builtProject(extra: extra)
    defer { try? FileManager.default.removeItem(atPath: project) }
    let dom = try await Self.search(project, "alpha beta")
    #expect(dom.contains("24 lessons match"), "\(dom.suffix(1500))")
    #expect(Self.titles(dom) == (1...10).map { "Together " + ($0 < 10 ? "0\($0)" : "\($0)") }, "\(Self.titles(dom))")
  }

  @Test("words that name properties of JavaScript objects are words like any other", .timeLimit(.minutes(4)))
  func objectPropertyWords() async throws {
    let lesson = "---\ntitle: Prototypes\n---\nA constructor, its `__proto__` and hasOwnProperty.\n"
    let project = try await Self.builtProject(extra: ["prototypes": lesson])
    defer { try? FileManager.default.removeItem(atPath: project) }
    for query in ["constructor", "__proto__", "hasownproperty"] {
      let dom = try await Self.search(project, query)
      #expect(Self.titles(dom) == ["Prototypes"], "\(query): \(dom.suffix(1200))")
      #expect(dom.contains("1 lesson matches"), "\(query)")
    }
    for query in ["tostring", "valueOf", "__defineGetter__"] {
      let dom = try await Self.search(project, query)
      #expect(dom.contains("No lesson matches"), "\(query): \(dom.suffix(1200))")
    }
  }

  @Test("a word of thousands of characters is found by the whole word or any prefix", .timeLimit(.minutes(4)))
  func longWord() async throws {
    let sequence = String((0..<3_000).map { Array("ACGT")[($0 * 7 + $0 / 5) % 4] })
    let lesson = "---\ntitle: Sequences\n---\nThe read \(sequence) aligns.\n"
    let project = try await Self.builtProject(extra: ["sequences": lesson])
    defer { try? FileManager.default.removeItem(atPath: project) }
    for query in [sequence, String(sequence.prefix(80)), String(sequence.prefix(20))] {
      let dom = try await Self.search(project, query)
      #expect(Self.titles(dom) == ["Sequences"], "\(query.count) characters: \(dom.suffix(800))")
      #expect(dom.contains("<mark>\(sequence.prefix(100))"), "\(query.count) characters")
    }
    // Its term file holds its first 64 characters and a window of 200, not the 3,000.
    let file = try CommandRunner.read(project + "/site/search/terms/" + sequence.prefix(2).lowercased().utf8.map { String($0, radix: 16) }.joined() + ".js")
    #expect(file.utf8.count < 1_000, "\(file)")
  }

  @Test("a snippet cut from long text starts and ends at whole words", .timeLimit(.minutes(4)))
  func snippetEndsAtAWord() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let dom = try await Self.search(project, "quokka")
    let snippet = dom.firstMatch(of: /class="search-result-snippet">(.*?)<\/p>/)?.1 ?? ""
    #expect(snippet.contains("<mark>quokka</mark>"), "\(dom.suffix(1500))")
    #expect(snippet.hasSuffix(" …"), "\(snippet)")
    // The last word before the ellipsis is a whole word of the text (sentenceN, about, marsupials, …, habits).
    let words = Set(Self.lessons["long-prose"]!.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    let last = snippet.dropLast(2).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).last.map(String.init) ?? ""
    #expect(words.contains(last), "snippet ends mid-word: …\(snippet.suffix(40))")
  }

  @Test("a hostile title reaches the results page as text: nothing of it runs", .timeLimit(.minutes(4)))
  func hostileTitle() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let index = try CommandRunner.read(project + "/site/search-index.js")
    #expect(index.contains("document.title"), "the index carries the hostile title")
    #expect(!index.contains("<"), "the index script carries no raw '<'")
    // "okapi" is in the text, "script" in the title only.
    let dom = try await Self.search(project, "okapi script")
    #expect(dom.contains("1 lesson matches"), "\(dom.suffix(1500))")
    #expect(!dom.contains("data-pwned=\"1\""), "the hostile title's handler ran")
    #expect(!dom.contains("<title>pwned"), "the hostile title's script ran")
    #expect(dom.contains("&lt;/script&gt;&lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;img"))
    // Markup in the text reaches the snippet as text too, and the term files carry no raw '<'.
    let markup = try await Self.search(project, "pwned2")
    #expect(markup.contains("&lt;/script&gt;&lt;script&gt;document.title='<mark>pwned2</mark>'&lt;/script&gt;"), "\(markup.suffix(1500))")
    #expect(!markup.contains("<title>pwned2"), "the text's script ran")
    for file in try FileManager.default.contentsOfDirectory(atPath: project + "/site/search/terms") {
      #expect(!(try CommandRunner.read(project + "/site/search/terms/" + file)).contains("<"), "\(file)")
    }
  }

  @Test("no hits, an empty query and one of punctuation only say so and load no index shard", .timeLimit(.minutes(4)))
  func nothingToFind() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let none = try await Self.search(project, "qqqzzzx")
    #expect(none.contains("No lesson matches “qqqzzzx”."), "\(none.suffix(1200))")
    #expect(!none.contains("<li>"))
    #expect(Self.scripts(none, under: "search/lessons/").isEmpty)
    for query in ["", "!!! ..."] as [String?] {
      let dom = try await Self.search(project, query)
      #expect(dom.contains("Type words to find in every lesson"), "\(String(describing: query)): \(dom.suffix(1200))")
      #expect(Self.scripts(dom, under: "search/").isEmpty)
    }
    // Without JavaScript the page is a GET form that says search needs JavaScript and links the list of lessons.
    let html = try CommandRunner.read(project + "/site/search.html")
    #expect(html.contains(#"<form class="search-page-form" role="search" action="search.html">"#))
    #expect(html.contains("Search needs JavaScript"))
    #expect(html.contains(#"<a href="index.html">list of lessons</a>"#))
  }

  @Test("accents in any case or normal form, and Chinese characters, find their lesson", .timeLimit(.minutes(4)))
  func unicode() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    // Upper case with a precomposed É, and a prefix of "Résumé"; then e + combining acute (NFD).
    let french = try await Self.search(project, "CAFÉ résum")
    #expect(Self.titles(french) == ["Café au lait"], "\(french.suffix(1200))")
    #expect(french.contains("<mark>café</mark>"))
    let decomposed = try await Self.search(project, "cafe\u{301}")
    #expect(Self.titles(decomposed) == ["Café au lait"], "\(decomposed.suffix(1200))")
    let chinese = try await Self.search(project, "中文")
    #expect(Self.titles(chinese) == ["Café au lait"], "\(chinese.suffix(1200))")
    #expect(chinese.contains("<mark>中</mark><mark>文</mark>内容"))
    #expect(Self.scripts(chinese, under: "search/terms/") == ["search/terms/e4b8ad.js", "search/terms/e69687.js"])
  }

  @Test("a word only a cell printed finds its lesson", .timeLimit(.minutes(6)))
  func cellOutput() async throws {
    // The source has "xylophonic" and "outputword" apart; only the output has them joined.
    let cell = """
      ---
      title: Printing
      ---
      A cell:

      ```swift
      print("xylophonic" + "outputword")
      ```

      """
    let project = try await Self.builtProject(extra: ["cell": cell])
    defer { try? FileManager.default.removeItem(atPath: project) }
    let dom = try await Self.search(project, "xylophonicoutputword")
    #expect(dom.contains("1 lesson matches"), "\(dom.suffix(1500))")
    #expect(Self.titles(dom) == ["Printing"])
    #expect(dom.contains("<mark>xylophonicoutputword</mark>"))
  }
}
