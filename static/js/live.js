// The canvas page's live board: pushed changes when the stream opens, the 2 s poll otherwise.
// Both answer htmx out-of-band fragments (workshops/deltas.py); this file opens the stream, feeds
// its events to htmx, stops the poll while the stream is healthy, keeps each list's order, and
// falls back to the poll by itself when the stream fails (a proxy that buffers or blocks it, a
// server without one, a laptop asleep). The stream reopens from the version the page holds.
(function () {
  "use strict";

  var source = null, streaming = false, failures = 0, everOpened = false, lastHeard = 0, streamUrl = null;
  var SILENCE = 35000; // the server pings every 10 s: this long without a word, the stream is dead

  function poller() { return document.getElementById("poller"); }

  // How the board follows the room, for people debugging a venue's network (and the tests).
  function mode(name) { document.documentElement.dataset.live = name; }

  function query() {
    var url = poller().getAttribute("hx-get") || "";
    return url.indexOf("?") >= 0 ? url.slice(url.indexOf("?")) : "";
  }

  function open() {
    if (source || !streamUrl || !poller()) return;
    var params = query();
    source = new EventSource(streamUrl + params);
    source.onopen = function () { streaming = true; everOpened = true; failures = 0; lastHeard = Date.now(); mode("stream"); };
    source.onmessage = function (event) {
      lastHeard = Date.now();
      htmx.swap(document.body, event.data, { swapStyle: "none" });
      // Another table or seat: the poller holds the new one; reopen the stream for it.
      if (strip(query()) !== strip(params)) restart(0);
    };
    source.addEventListener("ping", function () { lastHeard = Date.now(); });
    source.onerror = function () { fail(); };
  }

  function strip(q) { return q.replace(/([?&])v=[^&]*/, "$1"); }

  function close() {
    if (source) source.close();
    source = null;
    streaming = false;
    mode("poll");
  }

  function restart(delay) { close(); setTimeout(open, delay); }

  function fail() {
    close();
    failures += 1;
    // A server that never opened a stream (runserver, a blocking proxy) is left alone after a few tries.
    if (!everOpened && failures >= 3) return;
    setTimeout(open, Math.min(60000, 1000 * Math.pow(2, failures - 1)));
  }

  setInterval(function () {
    if (streaming && Date.now() - lastHeard > SILENCE) fail();
  }, 5000);

  // While the stream is healthy the poll stays quiet; it takes over as soon as the stream fails.
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (streaming && event.detail.elt && event.detail.elt.id === "poller") event.preventDefault();
  });

  // A post-it already on the page (its author's own answer brought it) is not appended twice; the
  // lists a swap touches are put back in order once the swaps are done.
  var touched = [];
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target, fragment = event.detail.fragment;
    var list = target && target.closest && target.closest("ul.notes");
    if (!list) return;
    if (touched.indexOf(list) < 0) touched.push(list);
    if (touched.length === 1) setTimeout(tidy, 0);
    if (list !== target || !fragment.querySelector) return;
    if (fragment.querySelector("#" + target.id)) return; // the whole list redrawn: always swapped
    var note = fragment.querySelector("li.postit[id]");
    if (note && document.getElementById(note.id)) event.detail.shouldSwap = false;
  });

  // The most +1'd first, then the oldest, as the server orders them; no "no post-it yet" beside one.
  function count(li) {
    var figure = li.querySelector("[id^='plus-count-']");
    return figure ? parseInt(figure.textContent, 10) || 0 : 0;
  }

  function tidy() {
    var lists = touched;
    touched = [];
    lists.forEach(function (list) {
      var notes = Array.prototype.slice.call(list.querySelectorAll(":scope > li.postit"));
      if (notes.length) list.querySelectorAll(":scope > li.empty").forEach(function (li) { li.remove(); });
      var sorted = notes.slice().sort(function (a, b) {
        return count(b) - count(a) || (+a.dataset.order) - (+b.dataset.order);
      });
      var moved = sorted.some(function (li, i) { return li !== notes[i]; });
      if (moved) sorted.forEach(function (li) { list.appendChild(li); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var p = poller();
    if (!p) return;
    mode("poll");
    if (!window.EventSource || !p.dataset.stream) return;
    streamUrl = p.dataset.stream;
    open();
    // Off the network, a stream can stay silently open: let the poll (and writes.js) take over,
    // and reopen at once when back, from the version the page holds.
    window.addEventListener("offline", function () { if (source) fail(); });
    window.addEventListener("online", function () { if (!streaming) { failures = 0; restart(0); } });
  });
})();
