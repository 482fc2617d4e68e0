// Length limits that never cut, and messages where the eye is.
//
// A limited field carries data-max (never maxlength: the browser would cut a paste without a word).
// As the person nears the limit a counter shows "480 / 500"; over it, the counter says by how much.
// The server refuses what is over the limit and sends the text back: it is the source of truth, this
// only tells the person before they press the button.
//
// A message marked data-clears-on-input (a refused vote's) goes away as soon as the person changes
// something in its form, and a freshly swapped one is brought into view next to its button.
(function () {
  "use strict";

  // The page's language, from the script tag (base.html renders these through gettext).
  var script = document.currentScript;
  var texts = {
    count: (script && script.dataset.count) || "{n} / {max}",
    over: (script && script.dataset.over) || "{over} characters too many: shorten the text to send it.",
  };
  var SHOW_FROM = 0.8;
  var serial = 0;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? String(values[key]) : match;
    });
  }

  function counterFor(field) {
    var id = field.dataset.limitCounter;
    var counter = id && document.getElementById(id);
    if (counter) return counter;
    counter = document.createElement("small");
    counter.id = "limit-count-" + ++serial;
    counter.className = "limit-count";
    counter.setAttribute("aria-live", "polite");
    counter.hidden = true;
    field.dataset.limitCounter = counter.id;
    field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + counter.id).trim());
    field.insertAdjacentElement("afterend", counter);
    return counter;
  }

  function measure(field) {
    var max = parseInt(field.dataset.max, 10);
    if (!(max > 0)) return;
    // What the server counts: the text without the spaces around it.
    var length = field.value.trim().length;
    var over = length - max;
    var counter = counterFor(field);
    counter.hidden = length < max * SHOW_FROM;
    var text = fill(texts.count, { n: length, max: max });
    if (over > 0) text += " · " + fill(texts.over, { over: over, max: max });
    if (counter.textContent !== text) counter.textContent = text;
    counter.classList.toggle("over", over > 0);
    if (over > 0) field.setAttribute("aria-invalid", "true");
    else if (field.getAttribute("aria-invalid") === "true") field.removeAttribute("aria-invalid");
  }

  function measureAll(root) {
    if (!root || !root.querySelectorAll) return;
    if (root.matches && root.matches("[data-max]")) measure(root);
    root.querySelectorAll("input[data-max], textarea[data-max]").forEach(measure);
  }

  // A refused vote came back: its message is by the button; keep both in view and the focus on the button.
  function showFreshMessage(root) {
    if (!root || !root.querySelector) return;
    var message = root.matches && root.matches("[data-clears-on-input]") ? root : root.querySelector("[data-clears-on-input]");
    if (!message || message.hidden) return;
    var form = message.closest("form");
    var button = form && form.querySelector("button[type=submit], input[type=submit]");
    if (button) button.focus({ preventScroll: true });
    message.scrollIntoView({ block: "nearest" });
    if (button) button.scrollIntoView({ block: "nearest" });
  }

  function clearStale(event) {
    var target = event.target;
    if (target && target.matches && target.matches("[data-max]")) measure(target);
    var form = target && target.closest && target.closest("form");
    if (!form) return;
    form.querySelectorAll("[data-clears-on-input]").forEach(function (message) {
      message.remove();
    });
  }

  document.addEventListener("input", clearStale);
  document.addEventListener("change", clearStale);
  document.addEventListener("DOMContentLoaded", function () {
    measureAll(document.body);
    showFreshMessage(document.body);
  });
  document.addEventListener("htmx:load", function (event) {
    measureAll(event.target);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var config = event.detail.requestConfig;
    // Only after the person's own request: a poll never brings a message to jump to.
    if (config && config.verb && config.verb !== "get") showFreshMessage(event.target);
  });
})();
