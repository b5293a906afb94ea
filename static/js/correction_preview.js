/* A correction previewed as readers will see it (templates/admin/campaigns/
   correction_preview.html): the public note follows its two fields, English and Chinese, as
   they are typed. On the Chinese line the English stands in, marked, while there is no
   Chinese, as on the case's Chinese page. Without this script the preview shows the note as
   it was last sent. */
(function () {
  "use strict";

  function show(slot, text, englishOnly, marker) {
    slot.textContent = "";
    slot.hidden = !text;
    if (!text) return;
    slot.appendChild(document.createTextNode(" — "));
    if (!englishOnly) {
      slot.appendChild(document.createTextNode(text));
      return;
    }
    var english = document.createElement("span");
    english.lang = "en";
    english.textContent = text;
    var note = document.createElement("span");
    note.className = "english-only";
    note.textContent = marker;
    slot.appendChild(english);
    slot.appendChild(document.createTextNode(" "));
    slot.appendChild(note);
  }

  function follow(preview) {
    var en = document.getElementById(preview.dataset.noteEn);
    var zh = document.getElementById(preview.dataset.noteZh);
    if (!en || !zh) return;
    function update() {
      var english = en.value.trim();
      var chinese = zh.value.trim();
      preview.querySelectorAll("li[data-language]").forEach(function (line) {
        var slot = line.querySelector(".correction-note");
        if (!slot) return;
        if (line.dataset.language === "en") {
          show(slot, english, false);
        } else {
          show(slot, chinese || english, !chinese && !!english, preview.dataset.englishOnly);
        }
      });
    }
    en.addEventListener("input", update);
    zh.addEventListener("input", update);
  }

  function start() {
    document.querySelectorAll(".correction-preview").forEach(follow);
  }

  // The admin puts a form's scripts in the page's head, before the form.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
