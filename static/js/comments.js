/* Ratings and captcha refresh without reloading the page. Everything here is an
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

  // A comment form that came back with errors: move focus to its summary, which
  // lists each problem with a link to the field (the page is already scrolled
  // there by the #gui-binh-luan fragment of the form's action).
  var errors = document.getElementById("comment-form-errors");
  if (errors) errors.focus();

  var refresh = document.querySelector("[data-captcha-refresh]");
  if (refresh && window.fetch) {
    refresh.addEventListener("click", function (event) {
      event.preventDefault();
      var commentForm = refresh.form;
      fetch(refresh.getAttribute("data-refresh-url"), {
        headers: { "X-Requested-With": "XMLHttpRequest" },
        credentials: "same-origin",
      })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          commentForm.querySelector("[data-captcha-image]").src = data.image_url;
          commentForm.querySelector("input[name=captcha_0]").value = data.key;
          var answer = commentForm.querySelector("input[name=captcha_1]");
          answer.value = "";
          answer.focus();
          commentForm.querySelector("[data-captcha-live]").textContent =
            refresh.getAttribute("data-refreshed-text");
        })
        .catch(function () {
          commentForm.requestSubmit(refresh); // no JSON: the server-side refresh
        });
    });
  }
})();
