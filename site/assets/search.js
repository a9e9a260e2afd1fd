/* The search page: reads ?q=, loads only the index files of the query's words (search/terms/*.js: strings of JSON,
   found by the words' first characters through the shard keys in search-index.js), ranks the lessons (BM25 with
   title and heading boosts, words match as prefixes) and lists the best with their titles (from search-index.js),
   each with a section heading and a snippet: the term files carry, for every lesson a word occurs in, a short window
   of text around the word in its best section, so the results are complete after one round of loads. Every file is
   a script inserted with <script src>, so search works from file:// where fetching JSON is refused; the scripts call
   lessonsSearch.terms(). Each script file costs a few milliseconds in Chromium whatever its size, so a query loads
   as few as it can (a second round of ten per-lesson files took 25-50 ms). Text goes into the page with textContent
   only. */
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

  /* Term files by their first key: the JSON text the script brings (postings, and the words' windows of text),
     parsed when a query word needs it. */
  var shards = {};
  var windowTexts = {};
  window.lessonsSearch = {
    terms: function (key, json, windows) { shards[key] = json; windowTexts[key] = windows; }
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

  /* A one-character term (a letter, a Chinese character) matches only itself; longer ones match as prefixes. */
  function isExact(term) { return Array.from(term).length === 1; }

  /* The term files (by first key) of the shards that may hold `term` (their key is a prefix of it) or its extensions
     (their key starts with it); a file holds one shard or several consecutive ones (index.shards lists their keys),
     all of the same first two characters (a one-character key: that character's term alone). Looked up once per
     word, among the files of its first two characters only (the index lists thousands of keys). */
  var filesByStart = null;
  var filesOfTerm = {};
  function filesFor(term) {
    if (filesOfTerm[term]) { return filesOfTerm[term]; }
    if (filesByStart === null) {
      filesByStart = {};
      index.shards.forEach(function (keys) {
        var start = Array.from(keys[0]).slice(0, 2).join("");
        (filesByStart[start] = filesByStart[start] || []).push(keys);
      });
    }
    var characters = Array.from(term);
    var exact = characters.length === 1;
    var files = [];
    (filesByStart[characters.slice(0, 2).join("")] || []).forEach(function (keys) {
      for (var k = 0; k < keys.length; k++) {
        if (term.lastIndexOf(keys[k], 0) === 0 || (!exact && keys[k].lastIndexOf(term, 0) === 0)) {
          files.push(keys[0]);
          return;
        }
      }
    });
    filesOfTerm[term] = files;
    return files;
  }

  /* The words → postings of a loaded term file (parsed on first use), empty when it did not load. */
  function table(file) {
    if (typeof shards[file] === "string") { shards[file] = JSON.parse(shards[file]); }
    return shards[file] || {};
  }

  /* The words → windows of a loaded term file (parsed on first use): for the word's n-th posting (lesson), entries
     4n … 4n + 3 are its section × 4 (+ 1 when the text is cut before the window, + 2 after it), the section's
     heading, its anchor ("" when it is the heading's slug()) and the window's text. */
  function windowTable(file) {
    if (typeof windowTexts[file] === "string") { windowTexts[file] = JSON.parse(windowTexts[file]); }
    return windowTexts[file] || {};
  }

  /* The postings of the index words `term` matches, as flat lists: [lesson, count, section, value, …] each. */
  function postingLists(term) {
    var lists = [];
    var exact = isExact(term);
    filesFor(term).forEach(function (file) {
      var words = table(file);
      for (var word in words) {
        if (exact ? word === term : word.lastIndexOf(term, 0) === 0) { lists.push(words[word]); }
      }
    });
    return lists;
  }

  /* BM25: rarer terms weigh more, frequency saturates (lengths are folded into the weights by the build); a term in
     the title adds 8 × its weight, in the section's heading 4 ×. Every term must occur in the lesson; the lesson's
     score is its title's plus its best section's. Typed arrays, so that the page's first (not yet optimised) run stays
     quick: a lesson's sections take the slots first[lesson] + section, up to the highest section the query's
     postings name in that lesson (one lesson with thousands of sections does not widen every other lesson's). */
  /* Fills `paths`, `titles` and `topics` (by a lesson's number) from the index, once. */
  function lessonPaths() {
    if (paths.length > 0) { return; }
    index.lessons.forEach(function (group) {
      group[1].forEach(function (name, i) {
        paths.push(group[0] + name);
        titles.push(group[2] ? group[2][i] : group[0] + name);
        topics.push(group[3] || "");
      });
    });
  }

  function rank(terms) {
    lessonPaths();
    var total = paths.length;
    var lists = terms.map(postingLists);
    var highest = new Int32Array(total);
    var t, w, i, numbers, lesson, count;
    /* How many lessons hold each term (its words' postings may name a lesson twice), for its rarity weight. */
    var documents = lists.map(function () { return 0; });
    var counted = new Int32Array(total);
    for (t = 0; t < lists.length; t++) {
      for (w = 0; w < lists[t].length; w++) {
        numbers = lists[t][w];
        lesson = 0;
        for (i = 0; i < numbers.length; i += 2 + 2 * count) {
          lesson += numbers[i];
          count = numbers[i + 1];
          if (counted[lesson] !== t + 1) { counted[lesson] = t + 1; documents[t]++; }
          /* A lesson's sections come in order: its last is its highest. */
          if (numbers[i + 2 * count] > highest[lesson]) { highest[lesson] = numbers[i + 2 * count]; }
        }
      }
    }
    var first = new Int32Array(total + 1);
    for (lesson = 0; lesson < total; lesson++) { first[lesson + 1] = first[lesson] + highest[lesson] + 1; }
    var slotCount = first[total];
    var matched = new Uint8Array(total);
    var titleScores = new Float64Array(total);
    var sectionScores = new Float64Array(slotCount);
    var scored = new Uint8Array(slotCount);
    /* Per term: the summed weight of its words in each slot, and flags: 2 when they occur there, 1 in its heading. */
    var weights = new Float64Array(slotCount);
    var flags = new Uint8Array(slotCount);
    var has = new Uint8Array(total);
    var inTitle = new Uint8Array(total);
    var present = new Int32Array(total);
    /* One pass per term: a slot's score grows by the difference its words make (a slot one word reaches, most of
       them, gets exactly idf × saturated weight + heading boost). A lesson that misses a word cannot be a result: the
       words that follow skip its sections. */
    for (t = 0; t < lists.length; t++) {
      var idf = Math.log(1 + (total - documents[t] + 0.5) / (documents[t] + 0.5));
      var reached = 0;
      if (t > 0) { weights.fill(0); flags.fill(0); }
      for (w = 0; w < lists[t].length; w++) {
        numbers = lists[t][w];
        lesson = 0;
        for (i = 0; i < numbers.length;) {
          lesson += numbers[i];
          count = numbers[i + 1];
          i += 2;
          var end = i + 2 * count;
          if (!has[lesson]) { has[lesson] = 1; present[reached++] = lesson; }
          if (matched[lesson] !== t) { i = end; continue; }
          for (; i < end; i += 2) {
            var section = numbers[i];
            var value = numbers[i + 1];
            if (section === 0) {
              if (!inTitle[lesson]) { inTitle[lesson] = 1; titleScores[lesson] += 8 * idf; }
              continue;
            }
            var slot = first[lesson] + section;
            var weight = weights[slot];
            var before = flags[slot] === 0 ? 0 : idf * (weight * 2.2) / (weight + 1.2) + (flags[slot] & 1 ? 4 * idf : 0);
            weight += (value >> 1) / 4;
            weights[slot] = weight;
            flags[slot] |= 2 | (value & 1);
            scored[slot] = 1;
            sectionScores[slot] += idf * (weight * 2.2) / (weight + 1.2) + (flags[slot] & 1 ? 4 * idf : 0) - before;
          }
        }
      }
      for (var p = 0; p < reached; p++) {
        lesson = present[p];
        has[lesson] = 0;
        inTitle[lesson] = 0;
        if (matched[lesson] === t) { matched[lesson]++; }
      }
    }
    var results = [];
    sectionScore = function (lesson, section) {
      return section >= 1 && section <= highest[lesson] ? sectionScores[first[lesson] + section] : 0;
    };
    for (lesson = 0; lesson < total; lesson++) {
      if (matched[lesson] !== terms.length) { continue; }
      var bestScore = 0;
      var bestSection = 1;
      for (section = 1, slot = first[lesson] + 1; section <= highest[lesson]; section++, slot++) {
        if (scored[slot] && sectionScores[slot] > bestScore) { bestScore = sectionScores[slot]; bestSection = section; }
      }
      results.push({ lesson: lesson, score: titleScores[lesson] + bestScore, section: bestSection });
    }
    return results;
  }

  function byScore(a, b) { return b.score - a.score || a.lesson - b.lesson; }

  /* The `count` best of `results`, in order, in one pass: the whole list is sorted only when the reader asks for
     more than the first page. */
  function best(results, count) {
    var top = [];
    for (var i = 0; i < results.length; i++) {
      if (top.length === count && byScore(results[i], top[count - 1]) >= 0) { continue; }
      var at = top.length === count ? count - 1 : top.length;
      while (at > 0 && byScore(results[i], top[at - 1]) < 0) { top[at] = top[at - 1]; at--; }
      top[at] = results[i];
      if (top.length > count) { top.length = count; }
    }
    return top;
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* The patterns that find `terms` in a text: words at a word start, extended to the word's end; Chinese and
     Japanese characters anywhere. Made once per query (Unicode classes are slow to compile); ASCII terms in ASCII
     text need no Unicode tables. */
  function patterns(terms) {
    var words = terms.filter(function (t) { return !IS_IDEOGRAPH.test(t); }).map(escapeRegExp);
    var ideographs = terms.filter(function (t) { return IS_IDEOGRAPH.test(t); }).map(escapeRegExp);
    var alternatives = "((?:" + words.join("|") + ")";
    return {
      ascii: words.length > 0 && /^[\x00-\x7f]*$/.test(words.join("")) ?
        new RegExp("(^|[^A-Za-z0-9_])" + alternatives + "[A-Za-z0-9_]*)", "gi") : null,
      words: words.length > 0 ? "(^|[^\\p{L}\\p{M}\\p{N}_])" + alternatives + WORD + "*)" : null,
      ideographs: ideographs.length > 0 ? new RegExp(ideographs.join("|"), "gu") : null
    };
  }

  /* [start, end) of every match of the query (`found`, from patterns()) in `text`. */
  function matches(text, found) {
    var ranges = [];
    var match;
    var ascii = found.ascii && /^[\x00-\x7f]*$/.test(text);
    if (!ascii && typeof found.words === "string") { found.words = new RegExp(found.words, "giu"); }
    var words = ascii ? found.ascii : found.words;
    if (words) {
      words.lastIndex = 0;
      while ((match = words.exec(text)) !== null) {
        var start = match.index + match[1].length;
        ranges.push([start, start + match[2].length]);
      }
    }
    if (found.ideographs) {
      found.ideographs.lastIndex = 0;
      while ((match = found.ideographs.exec(text)) !== null) {
        ranges.push([match.index, match.index + match[0].length]);
      }
    }
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    return ranges.filter(function (range, i) { return i === 0 || range[0] >= ranges[i - 1][1]; });
  }

  /* A window of text (cut before it when `cut` & 1, after it when `cut` & 2), with every match in it marked. */
  function snippet(text, cut, found, into) {
    var at = 0;
    if (cut & 1) { into.appendChild(document.createTextNode("… ")); }
    matches(text, found).forEach(function (range) {
      into.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      into.appendChild(mark);
      at = range[1];
    });
    into.appendChild(document.createTextNode(text.slice(at) + (cut & 2 ? " …" : "")));
  }

  /* kramdown's header id of an ASCII heading, as the build made it (Sources/Site/Search/SearchWindows.swift):
     the build writes the anchor out when it is anything else. */
  function slug(heading) {
    return heading.replace(/^[^A-Za-z]+/, "").replace(/[^A-Za-z0-9 -]/g, "").replace(/ /g, "-").toLowerCase();
  }

  /* For each result of `page`, the windows the query's words have in its lesson: [term, section code, heading,
     anchor, text] each. A word's postings list lessons in order, and its windows follow the same order. */
  function windowsOf(page, terms) {
    var wanted = {};
    var found = page.map(function (result) { wanted[result.lesson] = []; return wanted[result.lesson]; });
    /* Word by word, until every result has a window in its best section (the one chosen() takes): the windows of
       the words after it need not be parsed. */
    function complete() {
      return page.every(function (result, i) {
        return found[i].some(function (candidate) { return candidate[1] >> 2 === result.section; });
      });
    }
    for (var t = 0; t < terms.length && (t === 0 || !complete()); t++) {
      var term = terms[t];
      var exact = isExact(term);
      filesFor(term).forEach(function (file) {
        var words = table(file);
        var windows = windowTable(file);
        for (var word in words) {
          if (!(exact ? word === term : word.lastIndexOf(term, 0) === 0)) { continue; }
          var numbers = words[word];
          var texts = windows[word] || [];
          var lesson = 0;
          for (var i = 0, n = 0; i < numbers.length; i += 2 + 2 * numbers[i + 1], n += 4) {
            lesson += numbers[i];
            if (wanted[lesson] && n + 3 < texts.length) {
              wanted[lesson].push([t, texts[n], texts[n + 1], texts[n + 2], texts[n + 3]]);
            }
          }
        }
      });
    }
    return found;
  }

  /* The window to show: one in the result's best section (the first query word's), else the one whose section
     scores best for the query. */
  function chosen(result, windows) {
    var best = null;
    windows.forEach(function (candidate) {
      var section = candidate[1] >> 2;
      var score = section === result.section ? Infinity : sectionScore(result.lesson, section);
      if (best === null || score > best.score || (score === best.score && candidate[0] < best.candidate[0])) {
        best = { score: score, candidate: candidate };
      }
    });
    return best && best.candidate;
  }

  function pageURL(path) { return path.split("/").map(encodeURIComponent).join("/") + "/tutorial.html"; }

  /* The result's list item: the lesson's title, linked, its topic and the window's section (linked to its heading),
     and the window with the matches marked. */
  function show(result, excerpt, found) {
    var url = pageURL(paths[result.lesson]);
    var item = document.createElement("li");
    var title = document.createElement("a");
    title.className = "search-result-title";
    title.href = url;
    title.textContent = titles[result.lesson];
    item.appendChild(title);
    var where = document.createElement("p");
    where.className = "search-result-where";
    where.appendChild(document.createTextNode(topics[result.lesson]));
    item.appendChild(where);
    var text = document.createElement("p");
    text.className = "search-result-snippet";
    item.appendChild(text);
    if (excerpt && excerpt[2]) {
      where.appendChild(document.createTextNode(" › "));
      var link = document.createElement("a");
      link.href = url + "#" + encodeURIComponent(excerpt[3] || slug(excerpt[2]));
      link.textContent = excerpt[2];
      where.appendChild(link);
    }
    if (excerpt) { snippet(excerpt[4], excerpt[1] & 3, found, text); }
    list.appendChild(item);
  }

  var sectionScore = function () { return 0; };
  var paths = [];
  var titles = [];
  var topics = [];
  var terms = tokens(query).filter(function (term, i, all) { return all.indexOf(term) === i; });
  if (!index) {
    status.textContent = "The search index (search-index.js) is missing: build the site again.";
    return;
  }
  if (terms.length === 0) {
    status.textContent = "Type words to find in every lesson: titles, headings, text, code and outputs.";
    return;
  }
  var needed = {};
  terms.forEach(function (term) { filesFor(term).forEach(function (file) { needed[file] = true; }); });
  load(Object.keys(needed).sort().map(shardFile), function (failedShards) {
    var results = rank(terms);
    var incomplete = failedShards > 0 ? " Part of the search index could not be loaded: build the site again." : "";
    status.textContent = (results.length === 0 ? "No lesson matches “" + query + "”." :
      results.length + (results.length === 1 ? " lesson matches" : " lessons match") + " “" + query + "”.") + incomplete;
    var shown = 0;
    var sorted = false;
    var found = patterns(terms);
    var more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = "Show more results";
    /* Lists the next page, each result with its section and snippet (all from the loaded term files). */
    function showPage() {
      if (shown > 0 && !sorted) { results.sort(byScore); sorted = true; }
      var page = shown === 0 ? best(results, PAGE) : results.slice(shown, shown + PAGE);
      shown += page.length;
      var windows = windowsOf(page, terms);
      page.forEach(function (result, i) { show(result, chosen(result, windows[i]), found); });
      if (shown < results.length) { list.parentNode.insertBefore(more, list.nextSibling); } else { more.remove(); }
    }
    more.addEventListener("click", showPage);
    showPage();
    /* How long the query took, for benchmarks that read the page (headless Chromium): from this script's start to
       the ranked list on screen with its sections and snippets, and the same end since the navigation began. */
    if (window.performance) {
      var milliseconds = (performance.now() - started).toFixed(1);
      list.setAttribute("data-query-ms", milliseconds);
      list.setAttribute("data-complete-ms", milliseconds);
      list.setAttribute("data-page-ms", performance.now().toFixed(1));
    }
  });
  /* The lesson paths, while the term files load: the results need them, the loads do not. */
  lessonPaths();
})();
