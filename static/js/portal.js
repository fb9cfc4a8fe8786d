// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  function toggleSignup() {
    var choice = document.querySelector("input[name=choice]:checked");
    if (!choice) { return; }
    document.querySelectorAll("[data-show-when]").forEach(function (block) {
      block.hidden = block.getAttribute("data-show-when") !== choice.value;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[name=choice]").forEach(function (input) {
      input.addEventListener("change", toggleSignup);
    });
    toggleSignup();
    var summary = document.getElementById("error-summary");
    if (summary) {
      // A form reached through the skip link posts back to "…#main", and the browser would
      // move focus to <main> after this script: drop the fragment, then focus the summary.
      if (window.location.hash) {
        window.history.replaceState(null, "", window.location.pathname + window.location.search);
      }
      summary.focus();
    }
    document.querySelectorAll("[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  });
})();
