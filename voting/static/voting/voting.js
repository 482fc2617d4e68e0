// Voting's few lines of behaviour: show rule errors in place, count dots and picks as people click.
(function () {
  "use strict";

  // htmx does not swap 4xx answers by default; a vote form's answer carries the message to show.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var config = event.detail.requestConfig;
    var elt = config && config.elt;
    var status = event.detail.xhr.status;
    if (elt && elt.closest && elt.closest("[data-swap-errors]") && status >= 400 && status < 500) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  function update(form) {
    var remaining = form.querySelector("[data-remaining]");
    if (remaining) {
      var used = 0;
      form.querySelectorAll("input.dots-input").forEach(function (input) {
        used += Math.max(parseInt(input.value, 10) || 0, 0);
      });
      var left = (parseInt(form.dataset.budget, 10) || 0) - used;
      remaining.textContent = String(left);
      remaining.classList.toggle("over", left < 0);
    }
    var picked = form.querySelector("[data-picked]");
    if (picked) {
      var count = form.querySelectorAll("input[name=choice]:checked").length;
      picked.textContent = String(count);
      picked.classList.toggle("over", count > (parseInt(form.dataset.maxChoices, 10) || Infinity));
    }
  }

  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("form.vote-form");
    if (form) update(form);
  });
})();
