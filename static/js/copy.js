/* Copy buttons beside citations: a button with data-copy="<id>" copies that element's text
   and says "Copied" in the page's status region (#copy-status). The buttons are hidden until
   this script shows them, so without it the citations are plain text to select. */
(function () {
  "use strict";

  var status = document.getElementById("copy-status");

  function announce(message) {
    if (!status) return;
    // Emptied first, so the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection;
  }

  function copyBySelection(element) {
    var selection = selectText(element);
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    if (copied) selection.removeAllRanges();
    return copied;
  }

  function copy(button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target || !status) return;
    var text = target.textContent.trim();
    var done = function () { announce(status.getAttribute("data-copied")); };
    var fallback = function () {
      if (copyBySelection(target)) {
        done();
      } else {
        // Left selected, for the reader to copy with the keyboard.
        selectText(target);
        announce(status.getAttribute("data-failed"));
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  var buttons = document.querySelectorAll("button[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.addEventListener("click", function () { copy(button); });
    button.hidden = false;
  });
})();
