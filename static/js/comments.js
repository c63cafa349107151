/* Ratings without reloading the page. Everything here is an
   enhancement: the same forms work as plain HTML posts without this file. */
(function () {
  "use strict";

  function post(form, extra) {
    var data = new FormData(form);
    if (extra) data.append(extra.name, extra.value);
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest", Accept: "application/json" },
    }).then(function (response) {
      return response.json().then(function (body) {
        return { ok: response.ok, body: body };
      });
    });
  }

  function updateRating(block, data) {
    Object.keys(data.counts).forEach(function (stars) {
      var count = block.querySelector('[data-star-count="' + stars + '"]');
      if (count) count.textContent = "(" + data.counts[stars] + ")";
    });
    block.querySelectorAll("button[name=stars]").forEach(function (button) {
      var value = Number(button.value);
      button.classList.toggle("rating__star--on", data.mine && value <= data.mine);
      button.setAttribute("aria-pressed", String(value === data.mine));
    });
    block.querySelector("[data-rating-summary]").textContent = data.summary;
  }

  var block = document.querySelector("[data-rating]");
  if (block && window.fetch && window.FormData) {
    var form = block.querySelector("[data-rating-form]");
    var live = block.querySelector("[data-rating-live]");
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "stars") return;
      event.preventDefault();
      post(form, button).then(function (result) {
        if (result.ok) updateRating(block, result.body);
        live.textContent = result.ok
          ? result.body.message + " " + result.body.summary
          : result.body.error;
      }).catch(function () {
        form.submit(); // the network failed: fall back to a normal post
      });
    });
  }
})();
