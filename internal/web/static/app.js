// Tacit's small enhancements. Every page works without this file.
(function () {
  "use strict";

  // Live Markdown preview: any textarea with data-preview="ID" renders into #ID.
  document.querySelectorAll("textarea[data-preview]").forEach(function (area) {
    var target = document.getElementById(area.dataset.preview);
    if (!target) return;
    var timer = null, last = null;
    function render() {
      if (area.value === last) return;
      last = area.value;
      var body = new URLSearchParams();
      body.set("body", area.value);
      fetch("/preview", { method: "POST", body: body, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) { target.innerHTML = html; })
        .catch(function () { /* the preview button still works */ });
    }
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(render, 250);
    });
    if (area.value) render();
  });

  // Similar questions while a question's title is typed: an input with
  // data-similar="ID" fills #ID from /similar (the server shows the same
  // list when the question is posted or previewed).
  document.querySelectorAll("input[data-similar]").forEach(function (input) {
    var target = document.getElementById(input.dataset.similar);
    if (!target) return;
    var timer = null, last = input.value, seq = 0;
    function isQuestion() {
      var checked = input.form && input.form.querySelector("input[name=type]:checked");
      return !checked || checked.value === "question";
    }
    function lookUp() {
      var title = input.value;
      if (!isQuestion() || title.trim().length < 3) {
        target.innerHTML = "";
        last = null;
        return;
      }
      if (title === last) return;
      last = title;
      var mine = ++seq;
      fetch("/similar?title=" + encodeURIComponent(title), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) { if (mine === seq) target.innerHTML = html; })
        .catch(function () { /* the server checks again before posting */ });
    }
    function later() {
      clearTimeout(timer);
      timer = setTimeout(lookUp, 350);
    }
    input.addEventListener("input", later);
    if (input.form) input.form.addEventListener("change", function (e) {
      if (e.target.name === "type") { last = null; later(); }
    });
  });

  // Ask before destructive actions marked with data-confirm.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.dataset.confirm)) e.preventDefault();
    });
  });
})();
