// Optional enhancements of the site `locdoc build` writes; every page works without them.
(function () {
  "use strict";
  var viewSwitch = document.getElementById("view-switch");
  var english = document.querySelector(".col-source");
  if (viewSwitch && english) {
    viewSwitch.hidden = false;
    viewSwitch.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-view]");
      if (!button) { return; }
      var sxs = button.getAttribute("data-view") === "sxs";
      document.body.classList.toggle("sxs", sxs);
      english.hidden = !sxs;
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
