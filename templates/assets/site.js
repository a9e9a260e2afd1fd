/* Enhancements of the built site. Every page reads, scrolls and prints without them; the script loads from the
   site itself (relative path, so file:// and any sub-path work) and sends no request anywhere. */
(function () {
  "use strict";

  /* ---- Copy buttons on code blocks and cells ---- */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelection(text); });
    }
    return copyBySelection(text);
  }

  /* The fallback for pages where the Clipboard API is missing or refused. */
  function copyBySelection(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.top = "0";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      area.remove();
      if (copied) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function isCode(pre) {
    return !/\bcell-(stdout|stderr|output)\b/.test(pre.className);
  }

  function addCopyButton(pre) {
    var wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.parentNode.insertBefore(wrapper, pre);
    wrapper.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code");
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      var code = pre.querySelector("code") || pre;
      copyText(code.textContent).then(function () {
        button.textContent = "Copied";
        status.textContent = "Code copied";
      }, function () {
        button.textContent = "Copy failed";
        status.textContent = "The code could not be copied; select it instead";
      });
      window.setTimeout(function () { button.textContent = "Copy"; status.textContent = ""; }, 2000);
    });
    wrapper.appendChild(button);
    wrapper.appendChild(status);
  }

  /* ---- Keyboard scrolling: only code, charts, display formulas and tables that overflow stay tab stops ---- */
  function updateTabStops() {
    var blocks = document.querySelectorAll(
      "pre[tabindex], figure.cell-chart[tabindex], .math-display[tabindex], .table-scroll[tabindex]");
    for (var i = 0; i < blocks.length; i++) {
      var pre = blocks[i];
      if (pre.scrollWidth > pre.clientWidth + 1) {
        pre.setAttribute("tabindex", "0");
      } else if (document.activeElement !== pre) {
        pre.setAttribute("tabindex", "-1");
      }
    }
  }

  /* ---- Printing opens every solution, tip and details box, then closes again those that were closed ---- */
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) { closed[i].open = true; openedForPrint.push(closed[i]); }
  });
  window.addEventListener("afterprint", function () {
    for (var i = 0; i < openedForPrint.length; i++) { openedForPrint[i].open = false; }
    openedForPrint = [];
  });

  /* ---- "/" focuses the search box (unless typing somewhere already) ---- */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    var box = document.getElementById("search-query") || document.getElementById("site-search-query");
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });

  function start() {
    var blocks = document.querySelectorAll("pre");
    for (var i = 0; i < blocks.length; i++) {
      if (isCode(blocks[i])) { addCopyButton(blocks[i]); }
    }
    updateTabStops();
    var pending = 0;
    window.addEventListener("resize", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(updateTabStops, 150);
    });
    // Browsers that do not lay out a closed box measured its code 0 wide at load: opening the box measures it again
    // (toggle does not bubble, hence the capture).
    document.addEventListener("toggle", updateTabStops, true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
