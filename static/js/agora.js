// Agora's own few lines of behaviour; everything else is htmx.
(function () {
  "use strict";

  // Timers count down locally between polls; the server's figures are the truth at each render.
  // The same format as the template filter `clock` (workshops/templatetags/clock.py): "29:59" under
  // an hour, above it the page's translated "%(hours)d h %(minutes)02d min %(seconds)02d s".
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function format(seconds, hoursFormat) {
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    if (!h) return two(m) + ":" + two(s);
    return (hoursFormat || "%(hours)d h %(minutes)02d min %(seconds)02d s")
      .replace("%(hours)d", String(h)).replace("%(minutes)02d", two(m)).replace("%(seconds)02d", two(s));
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll(".timer[data-remaining]").forEach(function (el) {
      var remaining = parseInt(el.dataset.remaining, 10) || 0;
      if (!el.dataset.deadline) el.dataset.deadline = String(now + remaining * 1000);
      var left = el.dataset.running === "1" ? Math.max(0, Math.round((+el.dataset.deadline - now) / 1000)) : remaining;
      el.textContent = format(left, el.dataset.hoursFormat);
      el.classList.toggle("ending", left > 0 && left <= 60);
      el.classList.toggle("over", left === 0);
    });
  }
  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSettle", tick);

  // A poll must not wipe what someone is in the middle of doing (ticked boxes, a focused field).
  document.addEventListener("htmx:beforeRequest", function (event) {
    var el = event.detail.elt;
    if (!el.hasAttribute || !el.hasAttribute("data-pause-when-busy")) return;
    var active = document.activeElement;
    var busy = el.querySelector("input[type=checkbox]:checked") ||
      (active && el.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName));
    if (busy) event.preventDefault();
  });

  // After a post-it is posted, keep the cursor in the section's field for the next one.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target && target.classList && target.classList.contains("post-form")) {
      var area = target.querySelector("textarea");
      if (area && !target.querySelector(".errorlist")) area.focus();
    }
  });
})();
