// Live updates over server-sent events, and @mention suggestions in the
// composer. Every page works without this file.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="tacit-live"]');
  var region = document.getElementById("live-region");

  function note(text, href, action, onAction) {
    if (!region) return;
    var p = document.createElement("p");
    p.className = "live-note";
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      p.appendChild(a);
    } else {
      p.appendChild(document.createTextNode(text + " "));
    }
    if (action) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "btn small";
      b.textContent = action;
      b.addEventListener("click", onAction);
      p.appendChild(b);
    }
    region.appendChild(p);
    while (region.children.length > 3) region.removeChild(region.firstChild);
  }

  function bumpUnread() {
    var badge = document.querySelector("[data-unread]");
    if (!badge) return;
    var n = parseInt(badge.firstChild && badge.firstChild.nodeValue, 10) || 0;
    if (n < 99) badge.firstChild.nodeValue = String(n + 1);
    badge.hidden = false;
  }

  // A new answer is fetched with the page, as the server renders it for
  // this reader, and put in place above the answer form.
  function insertAnswer(replyID) {
    if (document.getElementById("r" + replyID)) return;
    fetch(location.pathname, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("r" + replyID);
        var form = document.getElementById("answer-form");
        if (!fresh || !form || document.getElementById("r" + replyID)) return;
        var empty = form.parentNode.querySelector(":scope > p.muted");
        if (empty) empty.remove();
        form.parentNode.insertBefore(document.importNode(fresh, true), form);
        var heading = doc.getElementById("answers-heading");
        var mine = document.getElementById("answers-heading");
        if (heading && mine) mine.textContent = heading.textContent;
        note(meta.dataset.newAnswer, "#r" + replyID);
      })
      .catch(function () { note(meta.dataset.newAnswer, "#r" + replyID); });
  }

  // The stream starts where the page was made (?from=). It is closed when
  // the page is left, also when the browser keeps the page in its
  // back/forward cache: an open stream holds one of the six connections a
  // browser opens to a server over HTTP/1.1, and pages left open in that
  // cache made the next page wait for a free one (seen in Chromium as page
  // loads of a minute). A page shown again from the cache opens a fresh
  // stream from the last event it had, so it misses nothing.
  if (meta && window.EventSource) {
    var es = null, last = "";
    var handlers = {
      notification: function (d) { bumpUnread(); note(d.text, d.url); },
      answer: function (d) { insertAnswer(d.reply_id); },
      comment: function () { note(meta.dataset.newAnswer, null, meta.dataset.show, function () { location.reload(); }); },
      post: function () { note(meta.dataset.newPosts, null, meta.dataset.show, function () { location.reload(); }); }
    };
    var open = function () {
      var url = meta.content;
      if (last) url = url.replace(/([?&]from=)[^&]*/, "$1" + encodeURIComponent(last));
      es = new EventSource(url);
      Object.keys(handlers).forEach(function (name) {
        es.addEventListener(name, function (e) {
          if (e.lastEventId) last = e.lastEventId;
          handlers[name](JSON.parse(e.data || "{}"));
        });
      });
    };
    open();
    window.addEventListener("pagehide", function () { if (es) { es.close(); es = null; } });
    window.addEventListener("pageshow", function (e) { if (e.persisted && !es) open(); });
  }

  // @mentions: after "@" and a few letters, offer people who can read the
  // post (or community) being written in.
  var context = null;
  var m = location.pathname.match(/^\/p\/(\d+)/);
  if (m) context = "post=" + m[1];
  m = location.pathname.match(/^\/c\/([^\/]+)\/new$/);
  if (m) context = "c=" + m[1];
  if (!context) return;
  var list = document.createElement("ul");
  list.id = "mention-list";
  list.className = "mention-list";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  document.body.appendChild(list);
  var active = null, items = [], current = -1, timer = null;

  function close() {
    list.hidden = true;
    items = [];
    current = -1;
    if (active) active.removeAttribute("aria-activedescendant");
  }
  function wordAtCaret(area) {
    var before = area.value.slice(0, area.selectionStart);
    var w = before.match(/(^|[^\w.@\/-])@([\w.\-åäöÅÄÖ]{0,64})$/);
    return w ? { start: area.selectionStart - w[2].length, text: w[2] } : null;
  }
  function choose(i) {
    var w = wordAtCaret(active);
    if (!w || !items[i]) return close();
    var v = active.value;
    active.value = v.slice(0, w.start) + items[i].handle + " " + v.slice(active.selectionStart);
    var at = w.start + items[i].handle.length + 1;
    active.setSelectionRange(at, at);
    close();
    active.dispatchEvent(new Event("input"));
  }
  function show(found) {
    items = found;
    list.textContent = "";
    if (!found.length) return close();
    found.forEach(function (p, i) {
      var li = document.createElement("li");
      li.id = "mention-" + i;
      li.setAttribute("role", "option");
      li.textContent = p.name + " @" + p.handle;
      li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
      list.appendChild(li);
    });
    var r = active.getBoundingClientRect();
    list.style.left = (window.scrollX + r.left) + "px";
    list.style.top = (window.scrollY + r.bottom) + "px";
    list.hidden = false;
    select(0);
  }
  function select(i) {
    current = i;
    Array.prototype.forEach.call(list.children, function (li, j) { li.setAttribute("aria-selected", String(j === i)); });
    active.setAttribute("aria-activedescendant", "mention-" + i);
  }
  document.querySelectorAll("textarea[name=body]").forEach(function (area) {
    area.setAttribute("aria-autocomplete", "list");
    area.setAttribute("aria-controls", "mention-list");
    area.addEventListener("input", function () {
      active = area;
      var w = wordAtCaret(area);
      clearTimeout(timer);
      if (!w) return close();
      timer = setTimeout(function () {
        fetch("/mentions?" + context + "&q=" + encodeURIComponent(w.text), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(show)
          .catch(close);
      }, 150);
    });
    area.addEventListener("keydown", function (e) {
      if (list.hidden || active !== area) return;
      if (e.key === "ArrowDown") { e.preventDefault(); select((current + 1) % items.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select((current - 1 + items.length) % items.length); }
      else if (e.key === "Enter" || e.key === "Tab") { e.preventDefault(); choose(current); }
      else if (e.key === "Escape") { close(); }
    });
    area.addEventListener("blur", function () { setTimeout(close, 100); });
  });
})();
