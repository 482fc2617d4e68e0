// Nothing typed is lost: what a person is editing survives the live refresh, a reload and a tab crash.
//
// A field the person changed is "dirty" until the server confirms the write that carried it. Every
// htmx swap (a poll, a phase change, an answer) may replace it with the server's rendering: the person's
// value is put back, and when the server's value differs from the one they started from, a note beside
// the field shows it ("changed by someone else: … [use it]") instead of applying or dropping it.
// Dirty fields are also kept in localStorage under the page's scope (page, workshop, participant: the
// partial templates/partials/drafts.html), restored on load and cleared when the server has them.
(function () {
  "use strict";

  var root = document.querySelector("[data-draft-scope]");
  var storageKey = root ? "agora-drafts:" + root.dataset.draftScope : null;
  var entries = {};   // key -> {value, base, text}: the person's value and the server's when they started
  var orphans = [];   // texts whose field left the page (a phase change): shown until dismissed
  var ownKey = null;   // the form whose own answer is being swapped in: its fields are not "changed elsewhere"
  var writing = false; // our own restoring fires input events: they are not the person typing
  var focused = null; // the field focused before a swap, to give the focus back after it

  function t(name, fallback) {
    return (root && root.dataset[name]) || fallback;
  }

  // --- Fields and their values -----------------------------------------------------------------

  function tracked(el) {
    if (!el || !/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || !el.name && !el.id) return false;
    if (/^(hidden|password|file|submit|button|reset|image)$/.test(el.type)) return false;
    // A search or a filter (a form sent by GET) is not an edit: nothing to keep or to confirm.
    if (el.form && !/^post$/i.test(el.form.getAttribute("method") || "")) return false;
    return !el.closest("[data-no-draft]");
  }
  function isGroup(el) { return el.type === "checkbox" || el.type === "radio"; }
  function isText(el) { return el.tagName === "TEXTAREA" || /^(text|search|email|url|tel)$/.test(el.type); }
  function formKey(form) {
    return form ? form.id ? "#" + form.id : form.getAttribute("action") || form.getAttribute("hx-post") || "" : "";
  }
  function keyOf(el) {
    // Checkboxes and radios are one field per name; anything else is itself, by id when it has one.
    if (!isGroup(el) && el.id) return "#" + el.id;
    return formKey(el.form) + "|" + el.name;
  }
  function elementsOf(key) {
    if (key.charAt(0) === "#" && key.indexOf("|") < 0) {
      var one = document.getElementById(key.slice(1));
      return one && tracked(one) ? [one] : [];
    }
    var cut = key.lastIndexOf("|"), fkey = key.slice(0, cut), name = key.slice(cut + 1), found = [];
    document.querySelectorAll("[name]").forEach(function (el) {
      if (el.name === name && tracked(el) && formKey(el.form) === fkey) found.push(el);
    });
    return found;
  }
  function read(els, server) {
    var el = els[0];
    if (isGroup(el)) {
      return els.filter(function (e) { return server ? e.defaultChecked : e.checked; })
        .map(function (e) { return e.value; }).sort().join("\n");
    }
    if (el.tagName === "SELECT") {
      var picked = Array.prototype.filter.call(el.options, function (o) { return server ? o.defaultSelected : o.selected; });
      if (!picked.length && server && !el.multiple && el.options.length) picked = [el.options[0]];
      return picked.map(function (o) { return o.value; }).join("\n");
    }
    return server ? el.defaultValue : el.value;
  }
  function write(els, value) {
    var el = els[0], values = value.split("\n");
    if (isGroup(el)) els.forEach(function (e) { e.checked = values.indexOf(e.value) >= 0; });
    else if (el.tagName === "SELECT") Array.prototype.forEach.call(el.options, function (o) { o.selected = values.indexOf(o.value) >= 0; });
    else el.value = value;
    // Counters (dots left, characters) follow the restored value as they follow typing.
    writing = true;
    try {
      els.forEach(function (e) { e.dispatchEvent(new Event("input", { bubbles: true })); });
    } finally {
      writing = false;
    }
  }
  function shown(els, value) {
    // The server's value as the person reads it: a choice's label, not its id.
    if (value === "") return t("draftEmpty", "(empty)");
    var el = els[0], values = value.split("\n");
    if (isGroup(el)) {
      return els.filter(function (e) { return values.indexOf(e.value) >= 0; }).map(function (e) {
        var label = e.closest("label");
        return label ? label.textContent.trim() : e.value;
      }).join(", ");
    }
    if (el.tagName === "SELECT") {
      return Array.prototype.filter.call(el.options, function (o) { return values.indexOf(o.value) >= 0; })
        .map(function (o) { return o.textContent.trim(); }).join(", ");
    }
    return value;
  }

  // --- Storage -------------------------------------------------------------------------------------

  var known = {}; // keys this tab has held: another tab of the same page keeps its own drafts in storage
  function save() {
    if (!storageKey) return;
    try {
      var stored = {};
      try { stored = JSON.parse(localStorage.getItem(storageKey) || "{}").entries || {}; } catch (e) { stored = {}; }
      Object.keys(entries).forEach(function (key) { known[key] = true; });
      Object.keys(known).forEach(function (key) { delete stored[key]; });
      Object.keys(entries).forEach(function (key) { stored[key] = entries[key]; });
      if (Object.keys(stored).length || orphans.length) {
        localStorage.setItem(storageKey, JSON.stringify({ entries: stored, orphans: orphans }));
      } else {
        localStorage.removeItem(storageKey);
      }
    } catch (e) { /* storage full or disabled: the page still keeps the drafts while it is open */ }
  }
  function load() {
    if (!storageKey) return;
    try {
      var data = JSON.parse(localStorage.getItem(storageKey) || "{}");
      entries = data.entries || {};
      Object.keys(entries).forEach(function (key) { known[key] = true; });
      orphans = data.orphans || [];
    } catch (e) { entries = {}; orphans = []; }
  }

  // --- Notes beside fields and the drafts kept when their field left the page ------------------

  function noteFor(key) {
    return Array.prototype.find.call(document.querySelectorAll(".draft-note"), function (n) { return n.dataset.draftKey === key; });
  }
  function showNote(key, els, server) {
    var note = noteFor(key);
    var anchor = els[els.length - 1];
    anchor = anchor.closest("fieldset, label") || anchor;
    if (!note) {
      note = document.createElement("p");
      note.className = "draft-note";
      note.setAttribute("role", "status");
      note.dataset.draftKey = key;
      note.appendChild(document.createElement("span"));
      note.appendChild(document.createTextNode(" "));
      note.appendChild(document.createElement("q"));
      note.appendChild(document.createTextNode(" "));
      var use = document.createElement("button");
      use.type = "button";
      use.className = "link draft-use";
      use.textContent = t("draftUse", "Use it");
      note.appendChild(use);
    }
    if (anchor.nextElementSibling !== note) anchor.after(note);
    note.firstChild.textContent = t("draftChanged", "Changed by someone else:");
    note.querySelector("q").textContent = shown(els, server);
  }
  function dropNote(key) {
    var note = noteFor(key);
    if (note) note.remove();
  }
  function renderOrphans() {
    var box = root && root.querySelector(".kept-drafts");
    if (!box) return;
    var list = box.querySelector("ul");
    list.textContent = "";
    orphans.forEach(function (text, index) {
      var item = document.createElement("li");
      var area = document.createElement("textarea");
      area.readOnly = true;
      area.rows = 2;
      area.value = text;
      var dismiss = document.createElement("button");
      dismiss.type = "button";
      dismiss.className = "button small";
      dismiss.dataset.draftDismiss = String(index);
      dismiss.textContent = t("draftDismiss", "Dismiss");
      item.appendChild(area);
      item.appendChild(dismiss);
      list.appendChild(item);
    });
    box.hidden = !orphans.length;
  }

  // --- Putting the person's values back after the server's rendering ---------------------------

  function reconcile() {
    var changed = false;
    Object.keys(entries).forEach(function (key) {
      var entry = entries[key], els = elementsOf(key);
      if (!els.length) {
        // The field left the page (a new phase, another layout): a text stays visible, a choice goes with its card.
        if (entry.text && entry.value.trim()) orphans.push(entry.value);
        delete entries[key];
        dropNote(key);
        changed = true;
        return;
      }
      var server = read(els, true);
      var own = ownKey !== null && formKey(els[0].form) === ownKey;
      if (!own && server === entry.value) {
        // The server now holds what the person has: nothing left to keep.
        delete entries[key];
        dropNote(key);
        changed = true;
        return;
      }
      if (read(els, false) !== entry.value) write(els, entry.value);
      els.forEach(function (e) { e.classList.add("draft"); });
      if (!own && server !== entry.base) showNote(key, els, server);
      else if (own) dropNote(key);
    });
    if (focused && (!document.activeElement || document.activeElement === document.body || !focused.el.isConnected)) {
      var els = elementsOf(focused.key), el = els[0];
      if (el && el !== focused.el) {
        el.focus({ preventScroll: true });
        if (focused.start != null && typeof el.setSelectionRange === "function") {
          try { el.setSelectionRange(focused.start, focused.end); } catch (e) { /* not a text field */ }
        }
      }
      focused = null;
    }
    if (changed) { save(); renderOrphans(); }
  }

  function remember(el) {
    // A field being swapped out may still fire its "change": the field on the page now is the one that counts.
    var key = keyOf(el), els = elementsOf(key);
    if (!el.isConnected || els.indexOf(el) < 0) return;
    var value = read(els, false), entry = entries[key];
    var base = entry ? entry.base : read(els, true);
    if (value === base) {
      delete entries[key];
      dropNote(key);
      els.forEach(function (e) { e.classList.remove("draft"); });
    } else {
      entries[key] = { value: value, base: base, text: isText(el) };
      els.forEach(function (e) { e.classList.add("draft"); });
    }
    save();
  }

  function formOf(elt) {
    if (!elt) return null;
    if (elt.tagName === "FORM") return elt;
    return elt.form || (elt.closest && elt.closest("form"));
  }

  // The fields of a form, as they were sent: a 2xx answer to that request confirms these values.
  var sent = new WeakMap();
  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, tracked);
  }

  function edited(event) { if (!writing && tracked(event.target)) remember(event.target); }
  document.addEventListener("input", edited, true);
  document.addEventListener("change", edited, true);

  document.addEventListener("click", function (event) {
    var use = event.target.closest && event.target.closest(".draft-use");
    if (use) {
      var key = use.closest(".draft-note").dataset.draftKey, els = elementsOf(key);
      delete entries[key];
      dropNote(key);
      if (els.length) {
        write(els, read(els, true));
        els.forEach(function (e) { e.classList.remove("draft"); });
        els[0].focus();
      }
      save();
      return;
    }
    var dismiss = event.target.closest && event.target.closest("[data-draft-dismiss]");
    if (dismiss) {
      orphans.splice(parseInt(dismiss.dataset.draftDismiss, 10), 1);
      save();
      renderOrphans();
    }
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = formOf(event.detail.elt);
    if (form && event.detail.elt.hasAttribute && event.detail.elt.hasAttribute("data-draft-discard")) {
      // "Keep the stored one": the person gives up what they had changed in this form.
      fieldsOf(form).forEach(function (el) { var key = keyOf(el); delete entries[key]; dropNote(key); });
      save();
      return;
    }
    if (!form || !/^post$/i.test(event.detail.requestConfig && event.detail.requestConfig.verb || "")) return;
    var values = {};
    fieldsOf(form).forEach(function (el) { var key = keyOf(el); values[key] = read(elementsOf(key), false); });
    sent.set(form, values);
  });

  function beforeSwap(event) {
    var active = document.activeElement;
    focused = tracked(active) ? {
      key: keyOf(active), el: active,
      start: typeof active.selectionStart === "number" ? active.selectionStart : null,
      end: typeof active.selectionEnd === "number" ? active.selectionEnd : null,
    } : null;
    if (event.type !== "htmx:beforeSwap") return;
    var config = event.detail.requestConfig, form = formOf(config && config.elt);
    ownKey = form && sent.has(form) ? formKey(form) : null;
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (ownKey !== null && status >= 200 && status < 300) {
      // Confirmed: what was sent is the server's now. A value typed since the request left stays a draft,
      // measured from what the server now holds.
      var values = sent.get(form);
      Object.keys(values).forEach(function (key) {
        if (!entries[key]) return;
        if (entries[key].value === values[key]) { delete entries[key]; dropNote(key); } else entries[key].base = values[key];
      });
      sent.delete(form);
      save();
    }
  }
  document.addEventListener("htmx:beforeSwap", beforeSwap);
  document.addEventListener("htmx:oobBeforeSwap", beforeSwap);
  document.addEventListener("htmx:afterSwap", reconcile);
  document.addEventListener("htmx:oobAfterSwap", reconcile);
  document.addEventListener("htmx:afterSettle", function () { reconcile(); ownKey = null; });

  // A form sent without htmx answers with a new page: its fields are the server's business from now on.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("hx-post") || form.hasAttribute("hx-get") || event.defaultPrevented) return;
    fieldsOf(form).forEach(function (el) { delete entries[keyOf(el)]; });
    save();
  });

  // A vote page shown again (the back button, a tab left open) first shows the votes as stored now:
  // each open card is fetched again; what the person had changed and not sent stays, beside the stored value.
  function refreshCards() {
    if (!window.htmx) return;
    document.querySelectorAll("article.vote-card[id] form.vote-form[action]").forEach(function (form) {
      var card = form.closest("article.vote-card");
      window.htmx.ajax("GET", form.getAttribute("action"), { target: "#" + card.id, swap: "outerHTML" });
    });
  }
  window.addEventListener("pageshow", function (event) { if (event.persisted) refreshCards(); });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") refreshCards(); });

  // On load: the drafts this laptop kept for this page (a reload, a crashed tab) go back into their fields.
  // After every deferred script, so that their listeners (the vote's counters) see the restored values.
  document.addEventListener("DOMContentLoaded", function () {
    load();
    reconcile();
    renderOrphans();
  });
})();
