// The format editor: a phase works on sections of its own canvas, so each phase form shows only the
// chosen canvas's sections. The others are disabled too: hidden, they must not be sent. Without
// JavaScript every canvas's sections show, and the server refuses another canvas's in words.
(function () {
  "use strict";

  function sync(form) {
    var select = form.querySelector("select[name$='canvas']");
    if (!select) return;
    form.querySelectorAll("[data-canvas]").forEach(function (group) {
      var shown = group.getAttribute("data-canvas") === select.value;
      group.hidden = !shown;
      group.querySelectorAll("input").forEach(function (input) { input.disabled = !shown; });
    });
  }

  function syncAll() {
    document.querySelectorAll("form.fm-form").forEach(sync);
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[name$='canvas']") && target.form) sync(target.form);
  });
  document.addEventListener("DOMContentLoaded", syncAll);
  document.addEventListener("htmx:afterSettle", syncAll);
})();
