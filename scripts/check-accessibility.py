#!/usr/bin/env python3
"""Checks a built site as readers meet it: axe-core, page overflow and chart label size, in headless Chromium.

Usage: check-accessibility.py SITE_FOLDER [--limit N] [--json PATH]

Opens from file:// the index, the first topic page, every lesson page (at most --limit) and search.html?q=pool,
each at 1280 px and 390 px wide, in the light and the dark theme (prefers-color-scheme emulated through the
DevTools protocol), and on each:
  - runs axe-core (the copy bundled in the PyPI package selenium-axe-python, or axe-selenium-python's) and counts
    its violations;
  - measures horizontal overflow: document.documentElement.scrollWidth - clientWidth, in CSS px, and lists boxes
    that stick out of the page's column (past its padding, outside any scroll container) before the page overflows;
  - measures the smallest rendered chart label: the font size of each <text> of an inline SVG chart times the
    scale the chart is drawn at (its screen transform), in CSS px.
Prints one line per page and variant, the violations in detail, and the totals. Exit status 0 when there is no
violation, no overflow, no box out of its column, no chart label under 11 px and no scrolling block out of keyboard
reach; 1 when there is any; 2 when the check cannot run.
Sends no request: every page is a local file, Chromium is Debian's, driven by Debian's chromedriver.
"""

import argparse
import glob
import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
import time

WIDTHS = [1280, 390]
SCHEMES = ["light", "dark"]
HEIGHT = 900
MINIMUM_LABEL_PX = 11.0
PAGE_TIMEOUT_SECONDS = 60

MEASURE_SCRIPT = r"""
const root = document.documentElement;
const name = (element) => element.tagName.toLowerCase()
  + (element.getAttribute('class') ? '.' + element.getAttribute('class').trim().split(/\s+/).join('.') : '');
let smallest = null;
for (const text of document.querySelectorAll('svg.lc-chart text')) {
  const box = text.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;  // not displayed (a closed box)
  const matrix = text.getScreenCTM();
  if (!matrix) continue;
  const scale = Math.hypot(matrix.a, matrix.b);
  const size = parseFloat(getComputedStyle(text).fontSize) * scale;
  if (smallest === null || size < smallest.px) {
    smallest = {px: size, text: text.textContent.slice(0, 40), chart: text.ownerSVGElement.id};
  }
}
// Whatever scrolls sideways (code, charts, wide formulas…) must be reachable by keyboard: a tab stop itself, or
// holding one.
const unreachable = [];
const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
for (const block of document.body.querySelectorAll('*')) {
  const overflow = getComputedStyle(block).overflowX;
  if ((overflow === 'auto' || overflow === 'scroll') && block.scrollWidth > block.clientWidth + 1
      && block.tabIndex < 0 && !block.querySelector(focusable)) {
    unreachable.push(name(block) + ': '
      + block.textContent.trim().slice(0, 40));
  }
}
// Boxes that stick out of the page's column past its padding (the page itself need not overflow yet), outside any
// scroll container: the outermost only.
const protruding = [];
for (const column of document.querySelectorAll('main, .site-header, .site-footer')) {
  const right = column.getBoundingClientRect().right - parseFloat(getComputedStyle(column).paddingRight);
  const sticksOut = (element) => element.getBoundingClientRect().width > 0
    && element.getBoundingClientRect().right > right + 0.5;
  for (const element of column.querySelectorAll('*')) {
    if (!sticksOut(element) || (element.parentElement !== column && sticksOut(element.parentElement))) continue;
    let scrolled = false;
    for (let a = element.parentElement; a && a !== column; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') { scrolled = true; break; }
    }
    if (!scrolled) {
      protruding.push(name(element) + ' by '
        + Math.round(element.getBoundingClientRect().right - right) + ' px');
    }
  }
}
return {overflow: root.scrollWidth - root.clientWidth, unreachable: unreachable, protruding: protruding,
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth, charts: document.querySelectorAll('svg.lc-chart').length,
        smallest: smallest};
"""


def axe_script_path():
    """The axe-core bundled with selenium-axe-python (axe-core 4.x), else with axe-selenium-python (3.x)."""
    for module, relative in [
        ("selenium_axe_python", os.path.join("axe-core", "axe.min.js")),
        ("axe_selenium_python", os.path.join("node_modules", "axe-core", "axe.min.js")),
    ]:
        spec = importlib.util.find_spec(module)
        if spec and spec.origin:
            path = os.path.join(os.path.dirname(spec.origin), relative)
            if os.path.isfile(path):
                return path
    return None


def pages_of(site, limit):
    """(label, file path, query) of the pages to check, in a stable order."""
    pages = []
    index = os.path.join(site, "index.html")
    if os.path.isfile(index):
        pages.append(("index.html", index, ""))
    topics = sorted(glob.glob(os.path.join(site, "topics", "*", "index.html")))
    if topics:
        pages.append((os.path.relpath(topics[0], site), topics[0], ""))
    lessons = sorted(glob.glob(os.path.join(site, "topics", "*", "tutorials", "*", "tutorial.html")))
    for lesson in lessons[:limit]:
        pages.append((os.path.relpath(lesson, site), lesson, ""))
    search = os.path.join(site, "search.html")
    if os.path.isfile(search):
        pages.append(("search.html?q=pool", search, "?q=pool"))
    return pages


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser = next((p for p in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] if os.path.exists(p)), None)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if browser is None or not os.path.exists(driver_path):
        raise RuntimeError("chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ["--headless=new", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                 "--no-default-browser-check", "--disable-extensions", f"--window-size=1280,{HEIGHT}"]:
        options.add_argument(flag)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")
    profile = tempfile.mkdtemp(prefix="a11y-chromium-")
    options.add_argument("--user-data-dir=" + profile)
    # An explicit driver path: Selenium Manager would otherwise try to download one.
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(PAGE_TIMEOUT_SECONDS)
    driver.set_script_timeout(PAGE_TIMEOUT_SECONDS)
    return driver, profile


def open_page(driver, url, width, scheme):
    # 390 px is a phone: mobile emulation honours the page's viewport meta tag, as a phone does.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "screen", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get(url)
    deadline = time.monotonic() + PAGE_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if driver.execute_script("return document.readyState") == "complete":
            break
        time.sleep(0.05)
    # The search page fills its results from a script (at once today, maybe after loading more of its index
    # later): wait, at most 10 s, until its status line no longer says what the page as written says.
    if "search.html" in url:
        path = url[len("file://"):].split("?")[0]
        with open(path, encoding="utf-8") as file:
            written = re.search(r'id="search-status"[^>]*>([^<]*)', file.read())
        settle = min(deadline, time.monotonic() + 10)
        while written and time.monotonic() < settle:
            status = driver.execute_script(
                "var s = document.getElementById('search-status'); return s ? s.textContent : '';")
            if status and not written.group(1).startswith(status[:20]):
                break
            time.sleep(0.05)


def run_axe(driver, axe_source):
    # A reader opens solutions, tips and details: check what they hold too (closed, axe skips it).
    driver.execute_script("document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; });")
    driver.execute_script(axe_source)
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(function (r) { done(r.violations); }, function (e) { done({error: String(e)}); });")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", help="the built site folder (lessons build --out)")
    parser.add_argument("--limit", type=int, default=20, help="at most this many lesson pages (default 20)")
    parser.add_argument("--json", help="also write every measurement and violation to this file")
    parser.add_argument("--axe", help="the axe.min.js to run (default: the one a PyPI package bundles)")
    arguments = parser.parse_args()

    site = os.path.realpath(arguments.site)
    pages = pages_of(site, arguments.limit)
    if not pages:
        print(f"error: no pages in {site}: build the site first", file=sys.stderr)
        return 2
    axe_path = arguments.axe or axe_script_path()
    if axe_path is None:
        print("error: no axe-core found: pip install selenium-axe-python (scripts/ensure-dependencies.sh)",
              file=sys.stderr)
        return 2
    with open(axe_path, encoding="utf-8") as file:
        axe_source = file.read()
    try:
        driver, profile = start_browser()
    except Exception as error:  # Selenium missing, the driver refusing to start…
        print(f"error: cannot start headless Chromium: {error}", file=sys.stderr)
        return 2

    records = []
    totals = {"violations": 0, "overflowing": 0, "small_labels": 0, "unreachable": 0, "protruding": 0}
    try:
        for label, path, query in pages:
            for width in WIDTHS:
                for scheme in SCHEMES:
                    url = "file://" + path + query
                    open_page(driver, url, width, scheme)
                    violations = run_axe(driver, axe_source)
                    if not records:
                        print(f"axe-core {driver.execute_script('return axe.version')} ({axe_path})")
                    if isinstance(violations, dict):
                        print(f"error: axe failed on {label}: {violations['error']}", file=sys.stderr)
                        return 2
                    measured = driver.execute_script(MEASURE_SCRIPT)  # with every box open, as axe saw it
                    smallest = measured["smallest"]
                    count = sum(len(v["nodes"]) for v in violations)
                    small = smallest is not None and smallest["px"] < MINIMUM_LABEL_PX
                    totals["violations"] += count
                    totals["overflowing"] += measured["overflow"] > 0
                    totals["small_labels"] += small
                    totals["unreachable"] += len(measured["unreachable"])
                    totals["protruding"] += len(measured["protruding"])
                    chart = "no chart" if smallest is None else f"smallest chart label {smallest['px']:.1f} px"
                    print(f"{label} {width}px {scheme}: {count} violation(s), overflow {measured['overflow']} px, "
                          f"{chart}")
                    for violation in violations:
                        print(f"  - {violation['id']} ({violation['impact']}): {violation['help']}")
                        for node in violation["nodes"][:5]:
                            summary = (node.get("failureSummary") or "").strip().splitlines() or [""]
                            target = " ".join(str(part) for part in node.get("target", []))
                            print(f"      {target}: {summary[-1].strip()}")
                        if len(violation["nodes"]) > 5:
                            print(f"      … and {len(violation['nodes']) - 5} more")
                    for box in measured["protruding"]:
                        print(f"  - sticks out of the page column: {box}")
                    for block in measured["unreachable"]:
                        print(f"  - scrolls sideways but is no tab stop: {block}")
                    if small:
                        print(f"  - chart label \"{smallest['text']}\" in #{smallest['chart']} is "
                              f"{smallest['px']:.1f} px (< {MINIMUM_LABEL_PX:g})")
                    records.append({"page": label, "width": width, "scheme": scheme,
                                    "violations": [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])}
                                                   for v in violations],
                                    **measured})
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)

    if arguments.json:
        with open(arguments.json, "w", encoding="utf-8") as file:
            json.dump(records, file, indent=1)
    checked = len(records)
    print(f"total: {totals['violations']} violation(s) on {checked} page views; "
          f"{totals['overflowing']} overflowing; {totals['small_labels']} with chart labels under "
          f"{MINIMUM_LABEL_PX:g} px; {totals['unreachable']} scrolling blocks out of keyboard reach; "
          f"{totals['protruding']} boxes sticking out of the page column")
    return 1 if any(totals.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
