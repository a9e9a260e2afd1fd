#!/usr/bin/env python3
"""Measures a built site's search the way a reader meets it: for each query, headless Chromium opens
search.html?q=QUERY from file:// and the bench reads back, from the dumped DOM, the scripts the page loaded and the
times the page measured itself, written on the result list: `data-query-ms` from the start of assets/search.js to
the ten best results listed on screen, each complete (title, topic, section, highlighted snippet, all from the
query's term files), and `data-page-ms` the same end since the navigation began. Pages of an older build wrote
`data-complete-ms` when their snippets came later, from per-lesson documents (search/lessons/*.js, a second round
of script loads): the "with snippets ms" column reads it when present, and "lesson files" counts those documents.

Prints, for several typical queries, the bytes of the script files each query loaded as a % of the site's text (the
visible text of every HTML page: tags, scripts and styles removed, white space collapsed), and the query time;
then the worst and the median of both.

The "from a page ms" column is the same query time for a reader who searches from a page of the site (its search
box): the browser is already running and has shown index.html when search.html?q=QUERY opens (a fresh browser and
profile per run, through Selenium and chromedriver when they are installed; "–" otherwise). The other columns open
search.html straight from a browser process that is just starting, whose own start-up (on two cores) delays the
page's script loads by 10-50 ms from one run to the next.

The "typed on the page ms" column is a query asked on the search page itself: the running browser opens
search.html, the reader types QUERY into its search box (half a second after the page loaded: a reader takes
that long at least) and presses Enter, and the page answers in place (it
changes its address to search.html?q=QUERY without loading anew); the time runs from the form's submit event to
the results on screen, the term files loading then as on a page that has settled.

Usage: bench-search.py SITE_FOLDER [--query Q]... [--runs R]
   --runs R  opens each query R times and keeps its fastest time (default 3): Chromium's start-up varies a lot on a
             busy machine, the page's own measure less so.
"""
import argparse
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

QUERIES = ["pool", "worker process", "galaxy workflow dataset", "proc", "timeout callback", "quality filter trim",
           "lesson 421"]


def site_text_bytes(site):
    """The UTF-8 bytes of the visible text of every HTML page of the site."""
    total = 0
    for root, _, files in os.walk(site):
        for name in files:
            if not name.endswith(".html"):
                continue
            with open(os.path.join(root, name), encoding="utf-8") as handle:
                page = handle.read()
            page = re.sub(r"<script.*?</script>|<style.*?</style>", "", page, flags=re.S)
            text = html.unescape(re.sub(r"<[^>]*>", " ", page))
            total += len(" ".join(text.split()).encode("utf-8"))
    return total


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("error: the search benchmark needs chromium (scripts/ensure-dependencies.sh chromium)")


def dump_dom(browser, url):
    profile = tempfile.mkdtemp(prefix="bench-search-profile-")
    arguments = [browser, "--headless", "--disable-gpu", "--no-first-run", "--dump-dom", "--user-data-dir=" + profile]
    if os.getuid() == 0:
        arguments.append("--no-sandbox")
    try:
        result = subprocess.run(arguments + [url], capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if result.returncode != 0:
        sys.exit(f"error: chromium exited {result.returncode} on {url}: {result.stderr[-500:]}")
    return result.stdout


def wait_for_query(driver, query):
    """The page's data-query-ms once it lists the results of `query` (None after 5 s). Pages of builds before
    in-place search write no data-query."""
    for _ in range(500):
        value = driver.execute_script(
            "var e = document.getElementById('search-results');"
            "var shown = e && e.getAttribute('data-query');"
            "return e && (shown === arguments[0] || shown === null) && e.getAttribute('data-query-ms');", query)
        if value:
            return float(value)
        time.sleep(0.01)
    return None


def from_a_page(browser, site, queries, runs):
    """({query: fastest query ms}, {query: fastest typed ms}) for a reader who searches from a page: a running
    browser shows index.html, then opens search.html?q=QUERY; then the reader opens search.html, types QUERY into
    its search box and presses Enter (the page answers in place). None when Selenium or chromedriver is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
    except ImportError:
        return None
    driver_path = shutil.which("chromedriver")
    if not driver_path:
        return None
    fastest = {}
    typed = {}
    for query in queries:
        for _ in range(runs):
            options = webdriver.ChromeOptions()
            options.binary_location = browser
            profile = tempfile.mkdtemp(prefix="bench-search-profile-")
            for argument in ["--headless", "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile]:
                options.add_argument(argument)
            if os.getuid() == 0:
                options.add_argument("--no-sandbox")
            driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
            try:
                driver.get("file://" + os.path.abspath(site) + "/index.html")
                driver.get("file://" + os.path.abspath(site) + "/search.html?q=" + urllib.parse.quote(query))
                value = wait_for_query(driver, query)
                if value is not None:
                    fastest[query] = min(fastest.get(query, float("inf")), value)
                driver.get("file://" + os.path.abspath(site) + "/search.html")
                # A reader takes a moment to type: the page has settled (painted, its scripts run) by the Enter key.
                time.sleep(0.5)
                driver.find_element(By.ID, "search-query").send_keys(query + Keys.ENTER)
                value = wait_for_query(driver, query)
                if value is not None:
                    typed[query] = min(typed.get(query, float("inf")), value)
            finally:
                driver.quit()
                shutil.rmtree(profile, ignore_errors=True)
    return fastest, typed


def measure(browser, site, query, runs):
    """(bytes of the scripts loaded, (fastest query ms, its page ms, its complete ms), results line, lesson files
    loaded) for `query`."""
    url = "file://" + os.path.abspath(site) + "/search.html?q=" + urllib.parse.quote(query)
    best = None
    loaded = 0
    status = ""
    documents = 0
    for _ in range(runs):
        dom = dump_dom(browser, url)
        scripts = sorted(set(re.findall(r'<script[^>]*\bsrc="([^"]+)"', dom)))
        loaded = sum(os.path.getsize(os.path.join(site, urllib.parse.unquote(src))) for src in scripts)
        documents = sum(1 for src in scripts if src.startswith("search/lessons/"))
        # Today's page writes data-query-ms; the first version of search wrote data-milliseconds (ranking only).
        found = re.search(r'data-query-ms="([0-9.]+)"', dom) or re.search(r'data-milliseconds="([0-9.]+)"', dom)
        if not found:
            sys.exit(f"error: search.html?q={query} wrote no time into the page: {dom[-800:]}")
        milliseconds = float(found.group(1))
        page = re.search(r'data-page-ms="([0-9.]+)"', dom)
        page = float(page.group(1)) if page else float("nan")
        complete = re.search(r'data-complete-ms="([0-9.]+)"', dom)
        complete = float(complete.group(1)) if complete else milliseconds
        if best is None or milliseconds < best[0]:
            best = (milliseconds, page, complete)
        match = re.search(r'id="search-status"[^>]*>([^<]*)<', dom)
        status = html.unescape(match.group(1)) if match else ""
    return loaded, best, status, documents


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site")
    parser.add_argument("--query", action="append")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    browser = chromium()
    text = site_text_bytes(arguments.site)
    rows = []
    queries = arguments.query or QUERIES
    for query in queries:
        loaded, milliseconds, status, documents = measure(browser, arguments.site, query, arguments.runs)
        rows.append((query, loaded, milliseconds, status, documents))
    warm, typed = from_a_page(browser, arguments.site, queries, arguments.runs) or ({}, {})
    def shown(value):
        return f"{value:.1f}" if value is not None else "–"
    with open("/proc/loadavg") as handle:
        load = " ".join(handle.read().split()[:3])
    print(f"Search on {arguments.site}: the site's text is {text:,} bytes; fastest of {arguments.runs} page load(s) "
          f"per query; {os.cpu_count()} CPUs, load average {load}")
    print()
    print("| query | scripts loaded (bytes) | % of the site's text | query ms (listed) | page ms | with snippets ms "
          "| from a page ms | typed on the page ms | lesson files | results |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for query, loaded, (milliseconds, page, complete), status, documents in rows:
        print(f"| {query} | {loaded:,} | {100 * loaded / text:.2f}% | {milliseconds:.1f} | {page:.1f} | {complete:.1f} "
              f"| {shown(warm.get(query))} | {shown(typed.get(query))} | {documents} | {status} |")
    sizes = [row[1] for row in rows]
    times = [row[2][0] for row in rows]
    pages = [row[2][1] for row in rows]
    completes = [row[2][2] for row in rows]
    warm_times = list(warm.values())
    typed_times = list(typed.values())
    print(f"| **worst** | {max(sizes):,} | {100 * max(sizes) / text:.2f}% | {max(times):.1f} | {max(pages):.1f} "
          f"| {max(completes):.1f} | {shown(max(warm_times) if warm_times else None)} "
          f"| {shown(max(typed_times) if typed_times else None)} | | |")
    print(f"| **median** | {statistics.median(sizes):,.0f} | {100 * statistics.median(sizes) / text:.2f}% "
          f"| {statistics.median(times):.1f} | {statistics.median(pages):.1f} | {statistics.median(completes):.1f} "
          f"| {shown(statistics.median(warm_times) if warm_times else None)} "
          f"| {shown(statistics.median(typed_times) if typed_times else None)} | | |")


if __name__ == "__main__":
    main()
