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
    column.querySelectorAll("[tabindex]").forEach(function (e) { e.removeAttribute("tabindex"); });
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
})();
