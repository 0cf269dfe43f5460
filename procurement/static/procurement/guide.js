// After the guide's form is sent, the page opens at the answer (the form's action ends in #svar).
// The heading carries autofocus, so this works without JavaScript in browsers that honour it; here
// focus is moved for those that do not, so keyboard and screen-reader users start at the answer.
// A static file, because the Content Security Policy forbids inline script.
(function () {
  "use strict";
  function focusAnswer() {
    var target = document.getElementById("svar") || document.querySelector(".ds-error-summary");
    if (!target || document.activeElement === target) return;
    if (location.hash !== "#svar" && !target.classList.contains("ds-error-summary")) return;
    target.focus();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusAnswer);
  } else {
    focusAnswer();
  }
})();
