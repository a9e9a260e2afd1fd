/* The search page: reads ?q=, loads only the index shards of the query's words (search/terms/*.js, keyed by the
   words' first characters in search-index.js), ranks the lessons (BM25 with title and heading boosts, words match
   as prefixes), then loads the documents of the lessons shown (search/lessons/*.js) for their section and snippet.
   Every file is a script inserted with <script src>, so search works from file:// where fetching JSON is refused;
   the scripts call lessonsSearch.terms() and lessonsSearch.lesson(). Text goes into the page with textContent only. */
(function () {
  "use strict";
  var started = window.performance ? performance.now() : 0;
  var index = window.lessonsSearchIndex;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("search-query");
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  var PAGE = 10;

  /* Terms as the index cuts them (Sources/Site/Search/SearchTerms.swift): NFC, lower case, runs of letters, marks,
     digits and _, each Chinese or Japanese character a term of its own. */
  var IDEOGRAPH = "[\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff66-\\uff9f\\u{20000}-\\u{3ffff}]";
  var WORD = "[\\p{L}\\p{M}\\p{N}_]";
  var TOKEN = new RegExp(IDEOGRAPH + "|(?:(?!" + IDEOGRAPH + ")" + WORD + ")+", "gu");
  var IS_IDEOGRAPH = new RegExp("^" + IDEOGRAPH + "$", "u");
  function tokens(text) {
    /* ASCII needs no Unicode tables (compiling them is the page's slowest regular expression). */
    if (/^[\x00-\x7f]*$/.test(text)) { return text.toLowerCase().match(/[a-z0-9_]+/g) || []; }
    return text.normalize("NFC").toLowerCase().replace(/ς/g, "σ").match(TOKEN) || [];
  }

  var shards = {};
  var documents = {};
  window.lessonsSearch = {
    terms: function (key, terms) { shards[key] = terms; },
    lesson: function (path, lesson) { documents[path] = lesson; }
  };

  /* Inserts a script for each of `sources`, then calls done(number that failed) once all have run. */
  function load(sources, done) {
    var pending = sources.length;
    var failed = 0;
    if (pending === 0) { done(0); return; }
    sources.forEach(function (source) {
      var script = document.createElement("script");
      script.src = source;
      script.onload = script.onerror = function (event) {
        if (event.type === "error") { failed++; }
        if (--pending === 0) { done(failed); }
      };
      document.head.appendChild(script);
    });
  }

  function shardFile(key) {
    var hex = "";
    new TextEncoder().encode(key).forEach(function (byte) { hex += (byte < 16 ? "0" : "") + byte.toString(16); });
    return "search/terms/" + hex + ".js";
  }

  function lessonFile(path) {
    return "search/lessons/" + path.split("/").map(encodeURIComponent).join("/") + ".js";
  }

  /* A one-character term (a letter, a Chinese character) matches only itself; longer ones match as prefixes. */
  function isExact(term) { return Array.from(term).length === 1; }

  /* The shards that may hold `term` (their key is a prefix of it) or its extensions (their key starts with it). */
  function shardsFor(term) {
    return index.shards.filter(function (key) {
      return term.lastIndexOf(key, 0) === 0 || (!isExact(term) && key.lastIndexOf(term, 0) === 0);
    });
  }

  /* The postings of the index words `term` matches, as flat lists: [lesson, count, section, value, …] each. */
  function postingLists(term) {
    var lists = [];
    shardsFor(term).forEach(function (key) {
      var table = shards[key] || {};
      Object.keys(table).forEach(function (word) {
        if (isExact(term) ? word === term : word.lastIndexOf(term, 0) === 0) { lists.push(table[word]); }
      });
    });
    return lists;
  }

  /* BM25: rarer terms weigh more, frequency saturates (lengths are folded into the weights by the build); a term in
     the title adds 8 × its weight, in the section's heading 4 ×. Every term must occur in the lesson; the lesson's
     score is its title's plus its best section's. Typed arrays, so that the page's first (not yet optimised) run stays
     quick: a lesson's sections take the slots first[lesson] + section, up to the highest section the query's
     postings name in that lesson (one lesson with thousands of sections does not widen every other lesson's). */
  function rank(terms) {
    var total = paths.length;
    var lists = terms.map(postingLists);
    var highest = new Int32Array(total);
    lists.forEach(function (termLists) {
      termLists.forEach(function (numbers) {
        var lesson = 0;
        for (var i = 0; i < numbers.length;) {
          lesson += numbers[i];
          var count = numbers[i + 1];
          for (var k = 0; k < count; k++) {
            if (numbers[i + 2 + 2 * k] > highest[lesson]) { highest[lesson] = numbers[i + 2 + 2 * k]; }
          }
          i += 2 + 2 * count;
        }
      });
    });
    var first = new Int32Array(total + 1);
    for (var l = 0; l < total; l++) { first[l + 1] = first[l] + highest[l] + 1; }
    var slotCount = first[total];
    var matched = new Uint8Array(total);
    var titleScores = new Float64Array(total);
    var sectionScores = new Float64Array(slotCount);
    var scored = new Uint8Array(slotCount);
    lists.forEach(function (termLists, t) {
      var has = new Uint8Array(total);
      var inTitle = new Uint8Array(total);
      var weights = new Float64Array(slotCount);
      var heading = new Uint8Array(slotCount);
      var seen = new Uint8Array(slotCount);
      var slots = [];
      var documents = 0;
      termLists.forEach(function (numbers) {
        var lesson = 0;
        for (var i = 0; i < numbers.length;) {
          lesson += numbers[i];
          var count = numbers[i + 1];
          i += 2;
          if (!has[lesson]) { has[lesson] = 1; documents++; }
          for (var k = 0; k < count; k++, i += 2) {
            var section = numbers[i];
            var value = numbers[i + 1];
            if (section === 0) { inTitle[lesson] = 1; continue; }
            var slot = first[lesson] + section;
            if (!seen[slot]) { seen[slot] = 1; slots.push(slot); }
            weights[slot] += (value >> 1) / 4;
            if (value & 1) { heading[slot] = 1; }
          }
        }
      });
      var idf = Math.log(1 + (total - documents + 0.5) / (documents + 0.5));
      for (var lesson = 0; lesson < total; lesson++) {
        if (has[lesson]) { matched[lesson]++; }
        if (inTitle[lesson]) { titleScores[lesson] += 8 * idf; }
      }
      for (var n = 0; n < slots.length; n++) {
        var slot = slots[n];
        var weight = weights[slot];
        scored[slot] = 1;
        sectionScores[slot] += idf * (weight * 2.2) / (weight + 1.2) + (heading[slot] ? 4 * idf : 0);
      }
    });
    var results = [];
    for (var lesson = 0; lesson < total; lesson++) {
      if (matched[lesson] !== terms.length) { continue; }
      var best = 0;
      var bestSection = 1;
      for (var section = 1, slot = first[lesson] + 1; section <= highest[lesson]; section++, slot++) {
        if (scored[slot] && sectionScores[slot] > best) { best = sectionScores[slot]; bestSection = section; }
      }
      results.push({ lesson: lesson, score: titleScores[lesson] + best, section: bestSection });
    }
    return results.sort(function (a, b) { return b.score - a.score || a.lesson - b.lesson; });
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* [start, end) of every match of `terms` in `text`: words at a word start, extended to the word's end; Chinese and
     Japanese characters anywhere. */
  function matches(text, terms) {
    var ranges = [];
    var words = terms.filter(function (t) { return !IS_IDEOGRAPH.test(t); }).map(escapeRegExp);
    var ideographs = terms.filter(function (t) { return IS_IDEOGRAPH.test(t); }).map(escapeRegExp);
    var match;
    if (words.length > 0) {
      var wordPattern = new RegExp("(^|[^\\p{L}\\p{M}\\p{N}_])((?:" + words.join("|") + ")" + WORD + "*)", "giu");
      while ((match = wordPattern.exec(text)) !== null) {
        var start = match.index + match[1].length;
        ranges.push([start, start + match[2].length]);
      }
    }
    if (ideographs.length > 0) {
      var ideographPattern = new RegExp(ideographs.join("|"), "gu");
      while ((match = ideographPattern.exec(text)) !== null) { ranges.push([match.index, match.index + match[0].length]); }
    }
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    return ranges.filter(function (range, i) { return i === 0 || range[0] >= ranges[i - 1][1]; });
  }

  /* A part of `text` around the first match, with every match in it marked. */
  function snippet(text, terms, into) {
    var ranges = matches(text, terms);
    var first = ranges.length > 0 ? ranges[0][0] : 0;
    var start = Math.max(0, first - 60);
    /* Start at a word: after the first space of the context, when there is one before the match. */
    var space = text.indexOf(" ", start);
    if (start > 0 && space >= 0 && space < first) { start = space + 1; }
    var end = Math.min(text.length, start + 220);
    /* End at a word too: before the last space of the context, when that keeps the first match. */
    var cut = text.lastIndexOf(" ", end);
    if (end < text.length && cut > (ranges.length > 0 ? ranges[0][1] : start)) { end = cut; }
    if (start > 0) { into.appendChild(document.createTextNode("… ")); }
    var at = start;
    ranges.forEach(function (range) {
      if (range[1] <= at || range[0] >= end) { return; }
      var from = Math.max(range[0], at);
      var to = Math.min(range[1], end);
      into.appendChild(document.createTextNode(text.slice(at, from)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(from, to);
      into.appendChild(mark);
      at = to;
    });
    into.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
  }

  function show(result, terms) {
    var path = paths[result.lesson];
    var lesson = documents[path] ||
      { title: path, topic: "", url: path.split("/").map(encodeURIComponent).join("/") + "/tutorial.html", sections: [] };
    var section = lesson.sections[result.section - 1];
    var item = document.createElement("li");
    var title = document.createElement("a");
    title.className = "search-result-title";
    title.href = lesson.url;
    title.textContent = lesson.title;
    item.appendChild(title);
    var where = document.createElement("p");
    where.className = "search-result-where";
    where.appendChild(document.createTextNode(lesson.topic));
    if (section && section[0]) {
      where.appendChild(document.createTextNode(" › "));
      var link = document.createElement("a");
      link.href = lesson.url + "#" + encodeURIComponent(section[1]);
      link.textContent = section[0];
      where.appendChild(link);
    }
    item.appendChild(where);
    var text = document.createElement("p");
    text.className = "search-result-snippet";
    snippet(section && section[2] ? section[2] : lesson.title, terms, text);
    item.appendChild(text);
    list.appendChild(item);
  }

  var paths = [];
  var terms = tokens(query).filter(function (term, i, all) { return all.indexOf(term) === i; });
  if (!index) {
    status.textContent = "The search index (search-index.js) is missing: build the site again.";
    return;
  }
  index.lessons.forEach(function (group) {
    group[1].forEach(function (name) { paths.push(group[0] + name); });
  });
  if (terms.length === 0) {
    status.textContent = "Type words to find in every lesson: titles, headings, text, code and outputs.";
    return;
  }
  var needed = {};
  terms.forEach(function (term) { shardsFor(term).forEach(function (key) { needed[key] = true; }); });
  load(Object.keys(needed).sort().map(shardFile), function (failedShards) {
    var results = rank(terms);
    var incomplete = failedShards > 0 ? " Part of the search index could not be loaded: build the site again." : "";
    status.textContent = (results.length === 0 ? "No lesson matches “" + query + "”." :
      results.length + (results.length === 1 ? " lesson matches" : " lessons match") + " “" + query + "”.") + incomplete;
    var shown = 0;
    var more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = "Show more results";
    function showPage(then) {
      var page = results.slice(shown, shown + PAGE);
      shown += page.length;
      load(page.map(function (result) { return lessonFile(paths[result.lesson]); }), function () {
        page.forEach(function (result) { show(result, terms); });
        if (shown < results.length) { list.parentNode.insertBefore(more, list.nextSibling); } else { more.remove(); }
        if (then) { then(); }
      });
    }
    more.addEventListener("click", function () { showPage(null); });
    showPage(function () {
      /* How long the query took, shards and documents loaded, for benchmarks that read the page (headless Chromium). */
      if (window.performance) {
        list.setAttribute("data-query-ms", (performance.now() - started).toFixed(1));
        list.setAttribute("data-page-ms", performance.now().toFixed(1));
      }
    });
  });
})();
