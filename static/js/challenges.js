// Drafting aid: while a city types the title and keywords of a challenge, show similar
// published challenges of other cities. The page works without it (the list is rendered
// on the server from the saved draft).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("similar-results");
    var title = document.getElementById("id_title");
    var tags = document.getElementById("id_tags_text");
    if (!box || !title) { return; }
    var timer = null;
    var last = "";
    function refresh() {
      var params = new URLSearchParams();
      params.set("title", title.value);
      if (tags) { params.set("tags", tags.value); }
      if (box.dataset.exclude) { params.set("exclude", box.dataset.exclude); }
      var query = params.toString();
      if (query === last || title.value.trim().length < 4) { return; }
      last = query;
      fetch(box.dataset.similarUrl + "?" + query, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html !== null) { box.innerHTML = html; } })
        .catch(function () { /* keep the current list */ });
    }
    function later() { window.clearTimeout(timer); timer = window.setTimeout(refresh, 600); }
    title.addEventListener("input", later);
    if (tags) { tags.addEventListener("input", later); }
  });
})();
