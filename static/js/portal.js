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
    if (summary) { summary.focus(); }
    document.querySelectorAll("[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  });
})();
