// Attachments in the composer: file picker, drag-and-drop and paste with an
// upload progress bar, and "Record a clip" (screen or camera, microphone
// optional). Without this script the file field is sent with the form.
(function () {
  "use strict";

  function strings(box) {
    var out = {};
    var t = box.querySelector("template.attach-strings");
    if (t) {
      t.content.querySelectorAll("[data-k]").forEach(function (el) { out[el.dataset.k] = el.textContent; });
    }
    return out;
  }

  function setup(box) {
    var input = box.querySelector('input[type="file"]');
    var list = box.querySelector(".attach-list");
    var errorEl = box.querySelector(".attach-error");
    var form = box.closest("form");
    var s = strings(box);
    var pending = 0;

    function showError(msg) {
      errorEl.textContent = msg;
      errorEl.hidden = !msg;
    }

    // upload sends one file with XMLHttpRequest, for its progress events.
    function upload(file, name) {
      showError("");
      var li = document.createElement("li");
      var label = document.createElement("span");
      label.textContent = s.uploading.replace("%n", name || file.name || "");
      var bar = document.createElement("progress");
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", label.textContent);
      li.appendChild(label);
      li.appendChild(bar);
      list.appendChild(li);
      pending++;
      var body = new FormData();
      body.append("file", file, name || file.name || "file");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/uploads");
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      });
      xhr.addEventListener("loadend", function () {
        pending--;
        var res = null;
        try { res = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        if (xhr.status === 201 && res) {
          var hidden = document.createElement("input");
          hidden.type = "hidden";
          hidden.name = "attachments";
          hidden.value = String(res.id);
          li.textContent = "";
          li.appendChild(hidden);
          var done = document.createElement("span");
          done.textContent = res.label;
          li.appendChild(done);
          li.dataset.kind = res.kind;
          var rm = document.createElement("button");
          rm.type = "button";
          rm.className = "btn small subtle";
          rm.textContent = s.remove;
          rm.addEventListener("click", function () { li.remove(); });
          li.appendChild(rm);
          box.dispatchEvent(new CustomEvent("tacit:uploaded", { bubbles: true, detail: res }));
        } else {
          li.remove();
          showError(res && res.error ? res.error.message : s.failed);
        }
      });
      xhr.send(body);
    }

    input.addEventListener("change", function () {
      Array.prototype.forEach.call(input.files, function (f) { upload(f); });
      input.value = ""; // sent already; the form must not send it again
    });
    ["dragenter", "dragover"].forEach(function (ev) {
      form.addEventListener(ev, function (e) {
        if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) {
          e.preventDefault();
          box.classList.add("dropping");
        }
      });
    });
    form.addEventListener("dragleave", function () { box.classList.remove("dropping"); });
    form.addEventListener("drop", function (e) {
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;
      e.preventDefault();
      box.classList.remove("dropping");
      Array.prototype.forEach.call(e.dataTransfer.files, function (f) { upload(f); });
    });
    form.addEventListener("paste", function (e) {
      var files = e.clipboardData ? e.clipboardData.files : null;
      if (!files || !files.length) return;
      e.preventDefault();
      Array.prototype.forEach.call(files, function (f) { upload(f); });
    });
    form.addEventListener("submit", function (e) {
      if (pending > 0) e.preventDefault(); // wait for uploads to finish
    });

    var rec = box.querySelector(".recorder");
    if (rec) setupRecorder(rec, box, s, upload, showError);
  }

  function canRecord() {
    return !!(window.MediaRecorder && navigator.mediaDevices &&
      (navigator.mediaDevices.getUserMedia || navigator.mediaDevices.getDisplayMedia));
  }

  function setupRecorder(rec, box, s, upload, showError) {
    if (!canRecord()) return; // plain upload stays
    rec.hidden = false;
    var panel = rec.querySelector(".recorder-panel");
    var status = rec.querySelector(".rec-status");
    var preview = rec.querySelector(".rec-preview");
    var btn = function (name) { return rec.querySelector('[data-rec="' + name + '"]'); };
    var stream = null, recorder = null, chunks = [], clip = null, timer = null;

    function show(names) {
      ["start", "stop", "again", "attach"].forEach(function (n) { btn(n).hidden = names.indexOf(n) < 0; });
    }
    function stopStream() {
      if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
    function reset() {
      clearInterval(timer);
      stopStream();
      clip = null;
      chunks = [];
      preview.hidden = true;
      preview.removeAttribute("src");
      preview.srcObject = null;
      status.textContent = "";
      show(["start"]);
    }
    function source() {
      var checked = rec.querySelector('input[type="radio"]:checked');
      return checked ? checked.value : "camera";
    }
    function getStream() {
      var mic = btn("mic").checked;
      var md = navigator.mediaDevices;
      if (source() === "screen" && md.getDisplayMedia) {
        return md.getDisplayMedia({ video: true, audio: false }).then(function (screen) {
          if (!mic) return screen;
          return md.getUserMedia({ audio: true }).then(function (voice) {
            voice.getAudioTracks().forEach(function (t) { screen.addTrack(t); });
            return screen;
          }, function () { return screen; });
        });
      }
      return md.getUserMedia({ video: true, audio: mic });
    }
    // mimeType picks what to record: WebM, with the codecs the browser has
    // for the tracks the stream has. Chromium records VP9 (or VP8) and
    // Opus; Firefox only VP8 and Opus, and refuses a type that names an
    // audio codec for a stream without sound, so the codecs follow the tracks.
    function mimeType(st) {
      var audio = st.getAudioTracks().length > 0;
      var types = audio ? ["video/webm;codecs=vp9,opus", "video/webm;codecs=vp8,opus", "video/webm"]
        : ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm"];
      for (var i = 0; i < types.length; i++) {
        if (MediaRecorder.isTypeSupported(types[i])) return types[i];
      }
      return "";
    }
    function failed() {
      clearInterval(timer);
      if (recorder) recorder.onstop = null;
      recorder = null;
      reset();
      showError(s.recfailed);
    }
    function begin() {
      chunks = [];
      var type = mimeType(stream);
      try {
        recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
      } catch (e) {
        failed();
        return;
      }
      recorder.addEventListener("dataavailable", function (e) { if (e.data && e.data.size) chunks.push(e.data); });
      recorder.addEventListener("error", failed);
      recorder.onstop = function () {
        clearInterval(timer);
        stopStream();
        // The type the recorder wrote (Firefox: video/webm;codecs=vp8,opus).
        clip = new Blob(chunks, { type: (recorder && recorder.mimeType) || "video/webm" });
        preview.srcObject = null;
        preview.src = URL.createObjectURL(clip);
        preview.controls = true;
        preview.muted = false;
        preview.hidden = false;
        status.textContent = s.recorded;
        show(["again", "attach"]);
      };
      // The stream ends when the person stops sharing from the browser's bar.
      stream.getVideoTracks().forEach(function (t) {
        t.addEventListener("ended", function () { if (recorder && recorder.state === "recording") recorder.stop(); });
      });
      try {
        recorder.start(1000);
      } catch (e) {
        failed();
        return;
      }
      var started = Date.now();
      var tick = function () {
        var sec = Math.floor((Date.now() - started) / 1000);
        status.textContent = s.recording.replace("%n", Math.floor(sec / 60) + ":" + ("0" + (sec % 60)).slice(-2));
      };
      tick();
      timer = setInterval(tick, 500);
      show(["stop"]);
    }
    function start() {
      showError("");
      getStream().then(function (st) {
        stream = st;
        preview.srcObject = st;
        preview.muted = true;
        preview.controls = false;
        preview.hidden = false;
        preview.play().catch(function () {});
        var n = 3;
        show([]);
        status.textContent = s.countdown.replace("%n", n);
        timer = setInterval(function () {
          n--;
          if (n > 0) {
            status.textContent = s.countdown.replace("%n", n);
            return;
          }
          clearInterval(timer);
          begin();
        }, 1000);
      }, function () {
        status.textContent = "";
        showError(s.denied);
      });
    }

    btn("open").addEventListener("click", function () {
      panel.hidden = false;
      btn("open").hidden = true;
      reset();
    });
    btn("close").addEventListener("click", function () {
      if (recorder && recorder.state === "recording") {
        recorder.onstop = null; // closed: nothing to preview
        recorder.stop();
      }
      reset();
      panel.hidden = true;
      btn("open").hidden = false;
    });
    btn("start").addEventListener("click", start);
    btn("stop").addEventListener("click", function () { if (recorder && recorder.state === "recording") recorder.stop(); });
    btn("again").addEventListener("click", function () { reset(); start(); });
    btn("attach").addEventListener("click", function () {
      if (!clip) return;
      upload(clip, "clip.webm");
      reset();
      panel.hidden = true;
      btn("open").hidden = false;
    });
  }

  document.querySelectorAll("[data-attach]").forEach(setup);
})();
