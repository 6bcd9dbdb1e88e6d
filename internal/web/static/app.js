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

  // Ask before destructive actions marked with data-confirm.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.dataset.confirm)) e.preventDefault();
    });
  });
})();
