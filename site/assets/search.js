/* The search page: reads ?q=, ranks the lessons of search-index.js (loaded as a script, so it works from file://)
   and lists them with the best section and a snippet, the matches marked. Text goes in with textContent only. */
(function () {
  "use strict";
  var index = window.lessonsSearchIndex || [];
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("search-query");
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;

  function tokens(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(function (token) { return token.length > 0; });
  }

  /* Words are split once, when the page loads. */
  var documents = index.map(function (entry) {
    return {
      entry: entry,
      title: tokens(entry.title),
      sections: entry.sections.map(function (section) {
        return { section: section, heading: tokens(section.heading), words: tokens(section.text) };
      })
    };
  });

  /* How many words of `words` start with `term` (prefix matching: "proc" finds "process"). */
  function count(words, term) {
    var found = 0;
    for (var i = 0; i < words.length; i++) { if (words[i].lastIndexOf(term, 0) === 0) { found++; } }
    return found;
  }

  /* BM25-like: saturating term frequency, rarer terms weigh more, title and heading matches boosted. */
  function search(terms) {
    var total = documents.length;
    var weights = terms.map(function (term) {
      var having = documents.filter(function (doc) {
        return count(doc.title, term) > 0 || doc.sections.some(function (s) { return count(s.words, term) + count(s.heading, term) > 0; });
      }).length;
      return Math.log(1 + (total - having + 0.5) / (having + 0.5));
    });
    var results = [];
    documents.forEach(function (doc) {
      var best = null;
      var every = terms.every(function (term) {
        return count(doc.title, term) > 0 || doc.sections.some(function (s) { return count(s.words, term) + count(s.heading, term) > 0; });
      });
      if (!every) { return; }
      var titleScore = 0;
      terms.forEach(function (term, i) { titleScore += count(doc.title, term) > 0 ? 8 * weights[i] : 0; });
      doc.sections.forEach(function (s) {
        var score = titleScore;
        terms.forEach(function (term, i) {
          var frequency = count(s.words, term);
          score += weights[i] * (frequency * 2.2) / (frequency + 1.2 * (0.25 + 0.75 * s.words.length / 300));
          if (count(s.heading, term) > 0) { score += 4 * weights[i]; }
        });
        if (!best || score > best.score) { best = { score: score, section: s.section }; }
      });
      if (!best) { best = { score: titleScore, section: { heading: "", anchor: "", text: "" } }; }
      results.push({ entry: doc.entry, score: best.score, section: best.section });
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  }

  /* A part of `text` around the first match, with every match marked. */
  function snippet(text, terms, into) {
    var lower = text.toLowerCase();
    var first = -1;
    terms.forEach(function (term) {
      var at = lower.search(new RegExp("(^|[^\\p{L}\\p{N}_])" + term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u"));
      if (at >= 0 && (first < 0 || at < first)) { first = at; }
    });
    var start = Math.max(0, first - 60);
    var part = text.slice(start, start + 220);
    if (start > 0) { into.appendChild(document.createTextNode("… ")); }
    var pattern = new RegExp("(" + terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")[\\p{L}\\p{N}_]*", "giu");
    var last = 0;
    part.replace(pattern, function (match, _term, offset) {
      into.appendChild(document.createTextNode(part.slice(last, offset)));
      var mark = document.createElement("mark");
      mark.textContent = match;
      into.appendChild(mark);
      last = offset + match.length;
      return match;
    });
    into.appendChild(document.createTextNode(part.slice(last) + (start + 220 < text.length ? " …" : "")));
  }

  var terms = tokens(query);
  if (terms.length === 0) {
    status.textContent = "Type words to find in every lesson: titles, headings, text, code and outputs.";
    return;
  }
  var started = window.performance ? performance.now() : 0;
  var results = search(terms);
  /* How long ranking took, for benchmarks that read the page (scripts, headless Chromium). */
  if (window.performance) { list.setAttribute("data-milliseconds", (performance.now() - started).toFixed(1)); }
  status.textContent = results.length === 0 ? "No lesson matches “" + query + "”." :
    results.length + (results.length === 1 ? " lesson matches" : " lessons match") + " “" + query + "”.";
  results.slice(0, 50).forEach(function (result) {
    var item = document.createElement("li");
    var title = document.createElement("a");
    title.className = "search-result-title";
    title.href = result.entry.url;
    title.textContent = result.entry.title;
    item.appendChild(title);
    var where = document.createElement("p");
    where.className = "search-result-where";
    where.appendChild(document.createTextNode(result.entry.topic));
    if (result.section.heading) {
      where.appendChild(document.createTextNode(" › "));
      var section = document.createElement("a");
      section.href = result.entry.url + "#" + encodeURIComponent(result.section.anchor);
      section.textContent = result.section.heading;
      where.appendChild(section);
    }
    item.appendChild(where);
    var text = document.createElement("p");
    text.className = "search-result-snippet";
    snippet(result.section.text || result.entry.title, terms, text);
    item.appendChild(text);
    list.appendChild(item);
  });
})();
