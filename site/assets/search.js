/* The search page: reads ?q=, loads only the index files of the query's words (search/terms/*.js: strings of JSON,
   found by the words' first characters through the shard keys in search-index.js), ranks the lessons (BM25 with
   title and heading boosts, words match as prefixes) and lists the best with their titles (from search-index.js),
   each with a section heading and a snippet: the term files carry, for every lesson a word occurs in, a short window
   of text around the word in its best section, so the results are complete after one round of loads. Every file is
   a script inserted with <script src>, so search works from file:// where fetching JSON is refused; the scripts call
   lessonsSearch.terms(). Each script file costs a few milliseconds in Chromium whatever its size, so a query loads
   as few as it can (a second round of ten per-lesson files took 25-50 ms). A query asked on the page itself is
   answered in place, with the files already loaded. Text goes into the page with textContent only. */
(function () {
  "use strict";
  var started = window.performance ? performance.now() : 0;
  var index = window.lessonsSearchIndex;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("search-query");
  var PAGE = 10;

  /* Terms as the index cuts them (Sources/Site/Search/SearchTerms.swift): NFC, lower case, runs of letters, marks,
     digits and _, each Chinese or Japanese character a term of its own. */
  var IDEOGRAPH = "[\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff66-\\uff9f\\u{20000}-\\u{3ffff}]";
  var WORD = "[\\p{L}\\p{M}\\p{N}_]";
  var TOKEN = null;
  /* Whether `term` is one Chinese or Japanese character (IDEOGRAPH's ranges, without compiling a Unicode pattern:
     the first test of one cost the page milliseconds). */
  function isIdeograph(term) {
    var code = term.codePointAt(0);
    return term.length === (code > 0xffff ? 2 : 1) &&
      ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff) || (code >= 0x3400 && code <= 0x4dbf) ||
       (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff66 && code <= 0xff9f) ||
       (code >= 0x20000 && code <= 0x3ffff));
  }
  function tokens(text) {
    var found;
    /* ASCII needs no Unicode tables (compiling them is the page's slowest regular expression). */
    if (/^[\x00-\x7f]*$/.test(text)) {
      found = text.toLowerCase().match(/[a-z0-9_]+/g) || [];
    } else {
      TOKEN = TOKEN || new RegExp(IDEOGRAPH + "|(?:(?!" + IDEOGRAPH + ")" + WORD + ")+", "gu");
      found = text.normalize("NFC").toLowerCase().replace(/ς/g, "σ").match(TOKEN) || [];
    }
    /* The index keeps a word's first 64 characters (SearchTerms.longestTerm). */
    return found.map(function (term) { return term.length > 64 ? Array.from(term).slice(0, 64).join("") : term; });
  }

  /* Term files by their first key: the words → postings (the file's JSON text, parsed as it arrives, while the
     other files of the query still load; null when it is damaged), and the words' windows as
     [word, [window, …], …], each window parsed only when shown. Tables keyed by words or keys have no prototype: a
     query for "constructor" must not find Object's. */
  var shards = Object.create(null);
  var windowTexts = Object.create(null);
  window.lessonsSearch = {
    terms: function (key, json, windows) {
      try { shards[key] = JSON.parse(json); } catch (error) { shards[key] = null; }
      windowTexts[key] = windows;
    }
  };

  /* Each term file's load: true once its script ran (or failed), the callbacks waiting for it while it loads. A
     page that searches again (the search box, back and forward) loads only the files it has not loaded yet. */
  var loads = Object.create(null);

  /* Loads the term files `files` (first keys) not loaded yet, then calls done() once every one has run or failed. */
  function ensure(files, done) {
    var pending = 1;
    function arrived() { if (--pending === 0) { done(); } }
    files.forEach(function (file) {
      if (loads[file] === true) { return; }
      pending++;
      if (loads[file]) { loads[file].push(arrived); return; }
      loads[file] = [arrived];
      var script = document.createElement("script");
      script.src = shardFile(file);
      script.onload = script.onerror = function () {
        var waiting = loads[file];
        loads[file] = true;
        waiting.forEach(function (callback) { callback(); });
      };
      document.head.appendChild(script);
    });
    arrived();
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
  var filesOfTerm = Object.create(null);
  function filesFor(term) {
    if (filesOfTerm[term]) { return filesOfTerm[term]; }
    if (filesByStart === null) {
      filesByStart = Object.create(null);
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

  /* The words → postings of a loaded term file, empty when it did not load. */
  function table(file) { return shards[file] || Object.create(null); }

  /* The words → windows of a loaded term file (the file lists them as [word, windows, …]): a word's n-th window,
     for its n-th posting (lesson), is a string of JSON array members, parsed by windowOf(). */
  function windowTable(file) {
    if (Array.isArray(windowTexts[file])) {
      var list = windowTexts[file];
      var table = Object.create(null);
      for (var i = 0; i + 1 < list.length; i += 2) { table[list[i]] = list[i + 1]; }
      windowTexts[file] = table;
    }
    return windowTexts[file] || Object.create(null);
  }

  /* The word's window in its n-th posting (lesson): its section × 4 (+ 1 when the text is cut before the window,
     + 2 after it), the section's heading, its anchor ("" when it is the heading's slug()) and the window's text;
     null when the file has none. */
  function windowOf(file, word, n) {
    var texts = windowTable(file)[word];
    return texts && n < texts.length ? JSON.parse("[" + texts[n] + "]") : null;
  }

  /* The index words `term` matches, each with its term file and its postings: a flat list [lesson − previous
     lesson, count, summary, section, value, … (count pairs)] per lesson the word occurs in, lessons in order.
     A section's value is 2 × the word's weight there × 4, + 1 when the section's heading holds it (section 0: the
     title); the summary is 4 × the highest of those weights, + 2 when the title holds the word, + 1 when a heading
     does. */
  function postingLists(term) {
    var lists = [];
    var exact = isExact(term);
    filesFor(term).forEach(function (file) {
      var words = table(file);
      for (var word in words) {
        if (exact ? word === term : word.lastIndexOf(term, 0) === 0) {
          lists.push({ file: file, word: word, numbers: words[word] });
        }
      }
    });
    return lists;
  }

  /* The number of the first lesson of each of the index's groups (a topic folder's lessons), and the number of
     lessons: a lesson's path, title and topic are looked up when it is shown, not made for every lesson. */
  var groupStarts = null;
  var lessonCount = 0;
  function countLessons() {
    if (groupStarts !== null) { return; }
    groupStarts = [];
    index.lessons.forEach(function (group) { groupStarts.push(lessonCount); lessonCount += group[1].length; });
  }

  /* The path, title and topic of lesson `n`. */
  function lessonAt(n) {
    var low = 0;
    var high = groupStarts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (groupStarts[middle] <= n) { low = middle; } else { high = middle - 1; }
    }
    var group = index.lessons[low];
    var i = n - groupStarts[low];
    var path = group[0] + group[1][i];
    return { path: path, title: group[2] ? group[2][i] : path, topic: group[3] || "" };
  }

  /* BM25 saturation of a section's summed word weight (k1 = 1.2; lengths are folded into the weights by the
     build). */
  function saturated(weight) { return (weight * 2.2) / (weight + 1.2); }

  /* Ranks the lessons that hold every term. BM25: rarer terms weigh more, frequency saturates; a term in the title
     adds 8 × its weight, in a section's heading 4 ×; a lesson's score is its title's plus its best section's.
     Scoring every section of every lesson is the page's costliest work (its first, not yet optimised, run), and only
     ten results show at first, so one pass over the postings gives each lesson a bound — as if each term's best
     word weights met in one section under a heading — and only lessons whose bound can still beat the tenth best
     score are scored section by section. The rest are scored when the reader asks for more. */
  function rank(terms) {
    countLessons();
    var total = lessonCount;
    var lists = terms.map(postingLists);
    var idfs = [];
    var bound = new Float64Array(total);
    var matched = new Uint8Array(total);
    var highest = new Int32Array(total);
    /* Where each lesson's postings are, in the order of the terms and their words: a linked list per lesson. */
    var first = new Int32Array(total).fill(-1);
    var last = new Int32Array(total);
    var capacity = 1;
    lists.forEach(function (words) { words.forEach(function (word) { capacity += word.numbers.length / 3; }); });
    var next = new Int32Array(capacity), refTerm = new Int32Array(capacity), refList = new Int32Array(capacity);
    var refOffset = new Int32Array(capacity), refOrdinal = new Int32Array(capacity);
    var references = 0;
    var counted = new Int32Array(total);
    var reached = new Int32Array(total);
    var most = new Float64Array(total);
    var flags = new Uint8Array(total);
    var t, w, i, numbers, lesson, end, ordinal;
    for (t = 0; t < lists.length; t++) {
      var documents = 0;
      var reachedCount = 0;
      for (w = 0; w < lists[t].length; w++) {
        numbers = lists[t][w].numbers;
        lesson = 0;
        for (i = 0, ordinal = 0; i < numbers.length; i = end, ordinal++) {
          lesson += numbers[i];
          end = i + 3 + 2 * numbers[i + 1];
          if (counted[lesson] !== t + 1) { counted[lesson] = t + 1; documents++; }
          /* A lesson that misses an earlier term cannot be a result. */
          if (matched[lesson] !== t) { continue; }
          if (flags[lesson] === 0) { reached[reachedCount++] = lesson; most[lesson] = 0; flags[lesson] = 4; }
          /* A posting has at least 3 numbers: `capacity` holds them all. */
          var reference = references++;
          next[reference] = -1; refTerm[reference] = t; refList[reference] = w; refOffset[reference] = i;
          refOrdinal[reference] = ordinal;
          if (first[lesson] < 0) { first[lesson] = reference; } else { next[last[lesson]] = reference; }
          last[lesson] = reference;
          most[lesson] += (numbers[i + 2] >> 2) / 4;
          flags[lesson] |= numbers[i + 2] & 3;
          /* A lesson's sections come in order: its last is its highest. */
          if (numbers[end - 2] > highest[lesson]) { highest[lesson] = numbers[end - 2]; }
        }
      }
      var idf = Math.log(1 + (total - documents + 0.5) / (documents + 0.5));
      idfs.push(idf);
      for (var p = 0; p < reachedCount; p++) {
        lesson = reached[p];
        bound[lesson] += (flags[lesson] & 2 ? 8 * idf : 0) + idf * saturated(most[lesson]) +
          (flags[lesson] & 1 ? 4 * idf : 0);
        flags[lesson] = 0;
        matched[lesson]++;
      }
    }
    var widest = 0;
    var lessons = [];
    for (lesson = 0; lesson < total; lesson++) {
      if (matched[lesson] !== terms.length) { continue; }
      lessons.push(lesson);
      if (highest[lesson] > widest) { widest = highest[lesson]; }
    }
    var weights = new Float64Array(widest + 1);
    var touched = new Int32Array(widest + 1);
    var sectionFlags = new Uint8Array(widest + 1);
    var scores = {};

    /* The lesson's score, its best section and every section's score. */
    function score(lesson) {
      if (scores[lesson]) { return scores[lesson]; }
      var sections = new Float64Array(highest[lesson] + 1);
      var titleScore = 0;
      for (var t = 0; t < terms.length; t++) {
        var idf = idfs[t];
        var inTitle = false;
        var count = 0;
        for (var r = first[lesson]; r >= 0; r = next[r]) {
          if (refTerm[r] !== t) { continue; }
          var numbers = lists[t][refList[r]].numbers;
          var end = refOffset[r] + 3 + 2 * numbers[refOffset[r] + 1];
          for (var j = refOffset[r] + 3; j < end; j += 2) {
            var section = numbers[j];
            if (section === 0) { inTitle = true; continue; }
            if (sectionFlags[section] === 0) { touched[count++] = section; }
            weights[section] += (numbers[j + 1] >> 1) / 4;
            sectionFlags[section] |= 2 | (numbers[j + 1] & 1);
          }
        }
        if (inTitle) { titleScore += 8 * idf; }
        for (var k = 0; k < count; k++) {
          var s = touched[k];
          sections[s] += idf * saturated(weights[s]) + (sectionFlags[s] & 1 ? 4 * idf : 0);
          weights[s] = 0;
          sectionFlags[s] = 0;
        }
      }
      var bestScore = 0;
      var bestSection = 1;
      for (var s2 = 1; s2 < sections.length; s2++) {
        if (sections[s2] > bestScore) { bestScore = sections[s2]; bestSection = s2; }
      }
      scores[lesson] = { lesson: lesson, score: titleScore + bestScore, section: bestSection, sections: sections };
      return scores[lesson];
    }

    return {
      count: lessons.length,
      /* The `count` best results, in order: the lessons of the `count` highest bounds are scored first; then a
         lesson whose bound is below the `count`-th best score so far cannot enter. */
      best: function (count) {
        var results = [];
        if (lessons.length === 0) { return results; }
        var bounds = new Float64Array(lessons.length);
        var i;
        for (i = 0; i < lessons.length; i++) { bounds[i] = bound[lessons[i]]; }
        bounds.sort();
        var cut = bounds[Math.max(0, bounds.length - count)];
        for (i = 0; i < lessons.length; i++) {
          if (bound[lessons[i]] >= cut) { insert(results, score(lessons[i]), count, byScore); }
        }
        for (i = 0; i < lessons.length; i++) {
          var lesson = lessons[i];
          if (scores[lesson] || (results.length === count && bound[lesson] * (1 + 1e-9) < results[count - 1].score)) {
            continue;
          }
          insert(results, score(lesson), count, byScore);
        }
        return results;
      },
      /* Every result, in order (scored on first use). */
      all: function () { return lessons.map(score).sort(byScore); },
      /* The score of a section of a scored lesson. */
      sectionScore: function (lesson, section) {
        var sections = score(lesson).sections;
        return section >= 1 && section < sections.length ? sections[section] : 0;
      },
      /* The windows of text the query's words have in `lesson`, in the order of the terms and their words, until
         one is in `section`: [term, section code, heading, anchor, text] each (see windowTable). */
      windows: function (lesson, section) {
        var found = [];
        for (var t = 0; t < terms.length; t++) {
          if (t > 0 && found.some(function (candidate) { return candidate[1] >> 2 === section; })) { break; }
          for (var r = first[lesson]; r >= 0; r = next[r]) {
            if (refTerm[r] !== t) { continue; }
            var list = lists[t][refList[r]];
            var window = windowOf(list.file, list.word, refOrdinal[r]);
            if (window !== null && window.length === 4) { found.push([t].concat(window)); }
          }
        }
        return found;
      }
    };
  }

  function byScore(a, b) { return b.score - a.score || a.lesson - b.lesson; }

  /* Puts `item` into `top` (in `order`) when it is among its `count` first. */
  function insert(top, item, count, order) {
    if (top.length === count && order(item, top[count - 1]) >= 0) { return; }
    var at = top.length === count ? count - 1 : top.length;
    while (at > 0 && order(item, top[at - 1]) < 0) { top[at] = top[at - 1]; at--; }
    top[at] = item;
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* The patterns that find `terms` in a text: words at a word start, extended to the word's end; Chinese and
     Japanese characters anywhere. Made once per query (Unicode classes are slow to compile); ASCII terms in ASCII
     text need no Unicode tables. */
  function patterns(terms) {
    var words = terms.filter(function (t) { return !isIdeograph(t); }).map(escapeRegExp);
    var ideographs = terms.filter(isIdeograph).map(escapeRegExp);
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

  /* The window to show: one in the result's best section (the first query word's), else the one whose section
     scores best for the query. */
  function chosen(result, windows, ranking) {
    var best = null;
    windows.forEach(function (candidate) {
      var section = candidate[1] >> 2;
      var score = section === result.section ? Infinity : ranking.sectionScore(result.lesson, section);
      if (best === null || score > best.score || (score === best.score && candidate[0] < best.candidate[0])) {
        best = { score: score, candidate: candidate };
      }
    });
    return best && best.candidate;
  }

  function pageURL(path) { return path.split("/").map(encodeURIComponent).join("/") + "/tutorial.html"; }

  /* The result's list item: the lesson's title, linked, its topic and the window's section (linked to its heading),
     and the window with the matches marked. */
  function show(result, excerpt, found, into) {
    var lesson = lessonAt(result.lesson);
    var url = pageURL(lesson.path);
    var item = document.createElement("li");
    var title = document.createElement("a");
    title.className = "search-result-title";
    title.href = url;
    title.textContent = lesson.title;
    item.appendChild(title);
    var where = document.createElement("p");
    where.className = "search-result-where";
    where.appendChild(document.createTextNode(lesson.topic));
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
    into.appendChild(item);
  }

  /* The "Show more results" button of the query on screen, if any. */
  var more = null;
  /* The number of the query on screen: a query's loads that end after a newer query started show nothing. */
  var generation = 0;

  /* Answers `query`: loads the term files of its words, ranks, lists the first page, then calls `then` (if any).
     `started` is when the reader asked (this script's start for the page's ?q=, the search form's submit for a
     query asked on the page). */
  function search(query, started, then) {
    var mine = ++generation;
    input.value = query;
    list.textContent = "";
    list.removeAttribute("data-query");
    list.removeAttribute("data-query-ms");
    if (more) { more.remove(); more = null; }
    var terms = tokens(query).filter(function (term, i, all) { return all.indexOf(term) === i; });
    if (terms.length === 0) {
      status.textContent = "Type words to find in every lesson: titles, headings, text, code and outputs.";
      if (then) { then(); }
      return;
    }
    var needed = Object.create(null);
    terms.forEach(function (term) { filesFor(term).forEach(function (file) { needed[file] = true; }); });
    var files = Object.keys(needed).sort();
    ensure(files, function () {
      if (mine !== generation) { return; }
      var ranking = rank(terms);
      var failed = files.some(function (file) { return !shards[file]; });
      var incomplete = failed ? " Part of the search index could not be loaded: build the site again." : "";
      status.textContent = (ranking.count === 0 ? "No lesson matches “" + query + "”." :
        ranking.count + (ranking.count === 1 ? " lesson matches" : " lessons match") + " “" + query + "”.") +
        incomplete;
      var shown = 0;
      var results = null;
      var found = patterns(terms);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "search-more";
      button.textContent = "Show more results";
      /* Lists the next page, each result with its section and snippet (all from the loaded term files). */
      function showPage() {
        var page;
        if (shown === 0) {
          page = ranking.best(PAGE);
        } else {
          results = results || ranking.all();
          page = results.slice(shown, shown + PAGE);
        }
        shown += page.length;
        var items = document.createDocumentFragment();
        page.forEach(function (result) {
          show(result, chosen(result, ranking.windows(result.lesson, result.section), ranking), found, items);
        });
        list.appendChild(items);
        if (shown < ranking.count) {
          list.parentNode.insertBefore(button, list.nextSibling);
          more = button;
        } else {
          button.remove();
        }
      }
      button.addEventListener("click", showPage);
      showPage();
      /* How long the query took, for benchmarks that read the page (headless Chromium): from `started` to the
         ranked list on screen with its sections and snippets, and the same end since the navigation began. */
      if (window.performance) {
        list.setAttribute("data-query", query);
        list.setAttribute("data-query-ms", (performance.now() - started).toFixed(1));
        list.setAttribute("data-page-ms", performance.now().toFixed(1));
      }
      if (then) { then(); }
    });
  }

  function queryOf(location) { return new URLSearchParams(location.search).get("q") || ""; }

  if (!index) {
    input.value = queryOf(window.location);
    status.textContent = "The search index (search-index.js) is missing: build the site again.";
    return;
  }
  countLessons();

  /* A query asked on this page (its form or the header's search box) is answered in place: the term files already
     loaded serve it, and once its results show, the page's address becomes search.html?q=… (a new entry of the
     browser's history, so back returns to the query before). The address changes after the results: in Chromium,
     history.pushState delayed the query's script loads by 6-8 ms. A browser that refuses to change the address
     keeps the results under the old one. */
  function submitted(event) {
    var field = event.target.querySelector("input[name=q]");
    if (!field) { return; }
    var asked = performance.now();
    var query = field.value;
    event.preventDefault();
    search(query, asked, function () {
      try {
        var address = "?q=" + encodeURIComponent(query);
        if (queryOf(window.location) === query) {
          window.history.replaceState(null, "", address);
        } else {
          window.history.pushState(null, "", address);
        }
      } catch (error) {
        /* The results stay under the page's old address. */
      }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("form[role=search]"), function (form) {
    if (form.getAttribute("action") === "search.html") { form.addEventListener("submit", submitted); }
  });
  window.addEventListener("popstate", function () { search(queryOf(window.location), performance.now()); });
  search(queryOf(window.location), started);
})();
