// The projector's long columns scroll by themselves: an element marked data-autoscroll (with an id)
// whose content is taller than its box waits at the top, glides down, waits at the bottom and starts
// again. With prefers-reduced-motion it turns a page at a time instead, without gliding. Where each
// column is survives the live refresh (htmx replaces the board on every post-it): positions are
// kept by id and put back after each swap.
(function () {
  "use strict";

  var WAIT = 5000;   // ms at the top and at the bottom, time to read
  var SPEED = 30;    // px per second while gliding
  var PAGE = 9000;   // ms per page with reduced motion
  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");
  var state = {};    // id -> {top, waitUntil, atEnd}
  var last = performance.now();

  function tick(now) {
    var dt = Math.min(0.5, (now - last) / 1000);
    last = now;
    document.querySelectorAll("[data-autoscroll][id]").forEach(function (el) {
      var overflow = el.scrollHeight - el.clientHeight;
      var s = state[el.id] || (state[el.id] = { top: 0, waitUntil: now + WAIT, atEnd: false });
      if (overflow <= 1) {
        s.top = 0; s.atEnd = false;
      } else if (now >= s.waitUntil) {
        if (s.atEnd) {
          s.top = 0; s.atEnd = false; s.waitUntil = now + WAIT;
        } else if (reduce.matches) {
          s.top = Math.min(overflow, s.top + Math.max(1, el.clientHeight - 40));
          s.waitUntil = now + PAGE;
          s.atEnd = s.top >= overflow;
        } else {
          s.top = Math.min(overflow, s.top + SPEED * dt);
          if (s.top >= overflow) { s.atEnd = true; s.waitUntil = now + WAIT; }
        }
      }
      s.top = Math.min(s.top, Math.max(0, overflow));
      if (Math.abs(el.scrollTop - s.top) >= 1) el.scrollTop = s.top;
    });
    window.requestAnimationFrame(tick);
  }
  window.requestAnimationFrame(tick);

  // A swapped-in column starts where the old one was, not at the top.
  document.addEventListener("htmx:afterSettle", function () {
    document.querySelectorAll("[data-autoscroll][id]").forEach(function (el) {
      var s = state[el.id];
      if (s) el.scrollTop = s.top;
    });
  });
})();
