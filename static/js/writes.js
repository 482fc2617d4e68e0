// Writes that survive venue Wi-Fi (the server side is workshops/idempotency.py).
//
// Every htmx write (any verb but GET) gets an Idempotency-Key made here, kept for every retry of
// that same write (same element, same fields), so the server stores it once however many times
// it arrives. The write shows as pending until the server answers; a network error or a
// 502/503/504 is retried by itself with backoff; giving up, a 500 or a refusal is said next to
// the form, whose text stays in the box. A banner says when the laptop is offline and when it is
// back; writes made offline wait for the connection, then go, then the board polls at once.
// Every word shown comes from data- attributes of #net-status (templates/base.html, translated).
(function () {
  "use strict";

  var DELAYS = [1000, 2000, 4000, 8000, 16000]; // after tries 1..5: six tries in all, ~31 s
  var RETRYABLE = { 502: true, 503: true, 504: true };
  // A write unanswered after this long is retried (same key): venue Wi-Fi can hang a request for minutes.
  var WRITE_TIMEOUT = 20000;
  var writes = new WeakMap(); // element -> {key, sig, tries, timer, held}
  var pending = new Set(); // elements whose write the server has not answered yet
  var statuses = new WeakMap(); // element -> its <p class="write-status"> (it outlives a swapped form)
  var offline = false;
  var resyncDue = false;
  var hideTimer = null;

  function words(name) {
    var banner = document.getElementById("net-status");
    return (banner && banner.dataset[name]) || "";
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    // Old browsers: 128 random bits all the same, in the shape the server accepts.
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  // What the write says: another text in the box is another write, with a key of its own.
  function signature(detail) {
    var pairs = [];
    var data = detail.formData;
    if (data && data.forEach) {
      data.forEach(function (value, name) {
        if (name !== "csrfmiddlewaretoken") pairs.push([name, String(value)]);
      });
    }
    pairs.sort();
    return detail.verb + " " + detail.path + " " + JSON.stringify(pairs);
  }

  // --- The banner: offline, back online -----------------------------------------------------

  function showBanner(text, state) {
    var banner = document.getElementById("net-status");
    if (!banner) return;
    clearTimeout(hideTimer);
    banner.textContent = text;
    banner.dataset.state = state;
    banner.hidden = false;
    if (state === "back") hideTimer = setTimeout(function () { banner.hidden = true; }, 5000);
  }

  function wentOffline() {
    if (offline) return;
    offline = true;
    // The laptop knows it lost the network, or only its requests fail (the venue's Wi-Fi is up, the server is not reached).
    showBanner(words(navigator.onLine ? "unreachable" : "offline"), "offline");
  }

  function cameBack() {
    if (!offline) return;
    offline = false;
    showBanner(words("online"), "back");
    resyncDue = true;
    // Held and waiting writes go first; the board is read again once they are answered.
    pending.forEach(function (elt) {
      var write = writes.get(elt);
      if (write && (write.held || write.timer)) send(elt, write);
    });
    if (!pending.size) resync();
  }

  function resync() {
    resyncDue = false;
    document.querySelectorAll("[hx-get][hx-trigger^='every']").forEach(function (poller) {
      if (!document.body.contains(poller)) return;
      htmx.ajax("GET", poller.getAttribute("hx-get"), {
        source: poller,
        target: poller,
        swap: poller.getAttribute("hx-swap") || "innerHTML",
      }).catch(function () {
        // A failed resync is already said by the banner (htmx:sendError); the next poll tries again.
      });
    });
  }

  // --- One write's state, shown next to its form --------------------------------------------

  function statusOf(elt, create) {
    var status = statuses.get(elt);
    if (status || !create) return status || null;
    status = document.createElement("p");
    status.className = "write-status";
    elt.insertAdjacentElement("afterend", status);
    statuses.set(elt, status);
    return status;
  }

  function unsay(elt) {
    var status = statuses.get(elt);
    if (status) status.remove();
    statuses.delete(elt);
  }

  function say(elt, text, state) {
    var status = statusOf(elt, true);
    status.textContent = text;
    status.dataset.state = state;
    status.setAttribute("role", state === "failed" ? "alert" : "status");
  }

  function lock(elt, locked) {
    elt.classList.toggle("write-pending", locked);
    elt.setAttribute("aria-busy", locked ? "true" : "false");
    // The fields stay in the form data (readOnly, not disabled): a retry sends what the first try sent.
    elt.querySelectorAll("textarea, input[type=text], input[type=number]").forEach(function (field) {
      if (locked) {
        if (!field.readOnly) { field.readOnly = true; field.dataset.lockedByWrite = "1"; }
      } else if (field.dataset.lockedByWrite) {
        field.readOnly = false;
        delete field.dataset.lockedByWrite;
      }
    });
    elt.querySelectorAll("button").forEach(function (button) { button.disabled = locked; });
  }

  function settle(elt) {
    var write = writes.get(elt);
    if (write) clearTimeout(write.timer);
    pending.delete(elt);
    lock(elt, false);
    if (!pending.size && resyncDue && !offline) resync();
  }

  // What the person typed, to give it back when its form is gone from the page.
  function kept(elt) {
    var texts = [];
    elt.querySelectorAll("textarea, input[type=text]").forEach(function (field) {
      if (field.value.trim()) texts.push("« " + field.value + " »");
    });
    return texts.length ? " " + words("yourText") + " " + texts.join(" ") : "";
  }

  // The write is finished; its text stays in the box when the server did not take it.
  function fail(elt, text) {
    settle(elt);
    if (document.body.contains(elt)) {
      say(elt, text, "failed");
    } else {
      unsay(elt);
      showBanner(text + kept(elt), "failed");
    }
  }

  function triggerOf(elt) {
    var declared = (elt.getAttribute("hx-trigger") || "").trim().split(/[\s,[]/)[0];
    return declared || (elt.tagName === "FORM" ? "submit" : "click");
  }

  function send(elt, write) {
    clearTimeout(write.timer);
    write.timer = null;
    write.held = false;
    if (!document.body.contains(elt)) {
      // The page changed under it (a phase closed, a table changed): it cannot be sent from here.
      settle(elt);
      unsay(elt);
      showBanner(words("lost") + kept(elt), "failed");
      return;
    }
    htmx.trigger(elt, triggerOf(elt));
  }

  function retryLater(elt, write) {
    // Only a laptop that knows it is offline holds its writes for the "online" event; one whose
    // requests merely fail keeps trying, since one answer is what tells it the server is back.
    if (!navigator.onLine) {
      write.held = true;
      say(elt, words("held"), "pending");
      return;
    }
    if (write.tries > DELAYS.length) {
      write.tries = 0; // pressing the button again starts over, with the same key
      fail(elt, words("gaveUp"));
      return;
    }
    var delay = DELAYS[write.tries - 1];
    say(elt, words("retrying").replace("%s", String(Math.round(delay / 1000))), "pending");
    write.timer = setTimeout(function () { send(elt, write); }, delay);
  }

  // A form swapped out while its request was in flight (another write's answer repainted its
  // list) never tells the document how it ended: its events stop at the detached form. htmx still
  // swaps its answer; it must not keep the polls paused. Writes waiting to be sent again are
  // left to send(), which says they were lost.
  function forgetDetached() {
    pending.forEach(function (elt) {
      var write = writes.get(elt);
      if (document.body.contains(elt) || (write && (write.held || write.timer))) return;
      pending.delete(elt);
      unsay(elt);
    });
  }

  // --- htmx's events ------------------------------------------------------------------------

  document.addEventListener("htmx:configRequest", function (event) {
    var detail = event.detail;
    if (detail.verb === "get") {
      // A poll must not repaint the page before a pending write lands: it could remove its form.
      forgetDetached();
      if (pending.size && !pending.has(detail.elt)) event.preventDefault();
      return;
    }
    // The browser's own checks refused the form: htmx sends nothing, there is nothing pending.
    if (detail.errors && detail.errors.length) return;
    var elt = detail.elt;
    var sig = signature(detail);
    var write = writes.get(elt);
    if (!write || write.sig !== sig) {
      write = { key: newKey(), sig: sig, tries: 0, timer: null, held: false };
      writes.set(elt, write);
    }
    detail.headers["Idempotency-Key"] = write.key;
    if (!detail.timeout) detail.timeout = WRITE_TIMEOUT;
    pending.add(elt);
    lock(elt, true);
    if (!navigator.onLine) {
      wentOffline();
      event.preventDefault();
      write.held = true;
      say(elt, words("held"), "pending");
      return;
    }
    write.tries += 1;
    say(elt, words("sending"), "pending");
  });

  document.addEventListener("htmx:timeout", function (event) {
    var elt = event.detail.elt;
    var write = writes.get(elt);
    if (write && pending.has(elt)) retryLater(elt, write);
  });

  document.addEventListener("htmx:sendError", function (event) {
    var elt = event.detail.elt;
    if (!navigator.onLine) wentOffline();
    var write = writes.get(elt);
    if (write && pending.has(elt)) {
      retryLater(elt, write);
    } else if (event.detail.requestConfig && event.detail.requestConfig.verb === "get") {
      // A poll that cannot reach the server: the laptop is as good as offline.
      wentOffline();
    }
  });

  // Before the answer is swapped in: the form is still in the page (after it, a swapped-out
  // form's events no longer reach the document).
  document.addEventListener("htmx:beforeOnLoad", function (event) {
    var xhr = event.detail.xhr;
    var elt = event.detail.elt;
    if (!xhr || !xhr.status) return;
    cameBack();
    var write = writes.get(elt);
    if (!write || !pending.has(elt)) return;
    var code = xhr.status;
    if (RETRYABLE[code]) {
      retryLater(elt, write);
      return;
    }
    // Answered: the next write from this element is a new one, with a new key.
    writes.delete(elt);
    if (xhr.getResponseHeader("Agora-Write-Conflict")) {
      fail(elt, xhr.responseText || words("conflict"));
    } else if (code >= 500) {
      fail(elt, words("serverError") + " (" + code + ")");
    } else if (code >= 400 && code !== 400 && code !== 409 && code !== 422 && code !== 429) {
      // 400, 409 and 422 come back as a form or card that says what is wrong, 429 (a rate limit) as a
      // message above the page; the others are not swapped.
      fail(elt, words("refused") + " (" + code + ")");
    } else {
      unsay(elt);
      settle(elt);
    }
  });

  // A plain form (no htmx: changing table, a page without JS's help) carries its key in a hidden
  // field: the browser's own "resend" of a POST whose answer was lost then sends the same key.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || form.tagName !== "FORM" || (form.getAttribute("method") || "").toLowerCase() !== "post") return;
    if (form.hasAttribute("hx-post") || form.querySelector("input[name=idempotency_key]")) return;
    if (!document.body.classList.contains("participant") && !document.body.classList.contains("voting")) return;
    var field = document.createElement("input");
    field.type = "hidden";
    field.name = "idempotency_key";
    field.value = newKey();
    form.appendChild(field);
  }, true);

  window.addEventListener("offline", wentOffline);
  window.addEventListener("online", cameBack);
  document.addEventListener("DOMContentLoaded", function () {
    if (!navigator.onLine) wentOffline();
  });
})();
