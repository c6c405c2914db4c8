// Optional enhancements of the site `locdoc build` writes; every page works without them.
(function () {
  "use strict";
  var viewSwitch = document.getElementById("view-switch");
  var target = document.querySelector(".col-target");
  var english = null;

  // The English column: a copy of the page whose sentences are replaced by
  // their source (kept in each `.seg` for hover and focus).
  function buildEnglish() {
    var column = target.cloneNode(true);
    column.className = "col col-source";
    column.lang = "en";
    column.dir = "ltr";
    column.setAttribute("aria-label", viewSwitch.getAttribute("data-english-label"));
    column.querySelectorAll(".seg").forEach(function (seg) {
      var src = seg.querySelector(".src");
      var text = src ? src.textContent : (seg.getAttribute("title") || seg.textContent);
      seg.replaceWith(document.createTextNode(text));
    });
    column.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
    // Sentences are focusable for their English: this column is the English. Tab
    // buttons keep their roving tabindex.
    column.querySelectorAll("[tabindex]:not([role=tab])").forEach(function (e) { e.removeAttribute("tabindex"); });
    target.parentNode.appendChild(column);
    return column;
  }

  if (viewSwitch && target) {
    viewSwitch.hidden = false;
    viewSwitch.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-view]");
      if (!button) { return; }
      var sxs = button.getAttribute("data-view") === "sxs";
      if (sxs && !english) { english = buildEnglish(); }
      document.body.classList.toggle("sxs", sxs);
      if (english) { english.hidden = !sxs; }
      viewSwitch.querySelectorAll("button").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b === button));
      });
    });
  }
  var filter = document.getElementById("code-filter");
  if (filter) {
    filter.addEventListener("change", function () {
      var code = filter.value;
      document.querySelectorAll("[data-codes]").forEach(function (row) {
        var codes = row.getAttribute("data-codes").split(" ");
        row.hidden = code !== "" && codes.indexOf(code) < 0;
      });
    });
  }

  // DocFX tab groups: every page shows each tab as a titled section; here
  // they become a tab list (WAI-ARIA tabs pattern) showing one at a time.
  // Panels are found by position, not id, so that the English column (a
  // copy without ids) works too.
  document.querySelectorAll(".tabs").forEach(function (group, g) {
    var panels = Array.prototype.filter.call(group.children, function (e) {
      return e.classList.contains("tab");
    });
    if (panels.length < 2) { return; }
    var list = document.createElement("div");
    list.setAttribute("role", "tablist");
    list.className = "tab-list";
    panels.forEach(function (panel, i) {
      var title = panel.querySelector(".tab-title");
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("role", "tab");
      button.id = "tabs-" + g + "-" + i;
      button.textContent = title ? label(title) : String(i + 1);
      if (panel.id) { button.setAttribute("aria-controls", panel.id); }
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", button.id);
      list.appendChild(button);
    });
    group.insertBefore(list, group.firstChild);
    group.classList.add("tabs-on");
    var chosen = panels.findIndex(function (p) { return p.id && "#" + p.id === location.hash; });
    select(group, chosen < 0 ? 0 : chosen, false);
  });

  function select(group, index, focus) {
    var buttons = group.querySelectorAll(":scope > .tab-list > [role=tab]");
    var panels = group.querySelectorAll(":scope > .tab");
    buttons.forEach(function (b, i) {
      b.setAttribute("aria-selected", String(i === index));
      b.tabIndex = i === index ? 0 : -1;
      if (i === index && focus) { b.focus(); }
    });
    panels.forEach(function (p, i) { p.hidden = i !== index; });
  }

  // A title's text on this page's side (without the English kept in each sentence).
  function label(title) {
    var copy = title.cloneNode(true);
    copy.querySelectorAll(".src").forEach(function (e) { e.remove(); });
    return copy.textContent.trim();
  }

  function position(button) {
    return Array.prototype.indexOf.call(button.parentNode.children, button);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".tab-list > [role=tab]");
    if (button) { select(button.closest(".tabs"), position(button), false); }
  });
  document.addEventListener("keydown", function (event) {
    var button = event.target.closest && event.target.closest(".tab-list > [role=tab]");
    if (!button) { return; }
    var count = button.parentNode.children.length;
    var index = position(button);
    var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1 }[event.key];
    if (next === undefined) { return; }
    if (getComputedStyle(button).direction === "rtl" && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
      next = 2 * index - next;
    }
    event.preventDefault();
    select(button.closest(".tabs"), (next + count) % count, true);
  });
})();
