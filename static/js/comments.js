/* Ratings and the comment form without reloading the page. Everything here is
   an enhancement: without it a star opens a page that posts the vote, and
   "Write a comment" opens the page with the form (comments/views.py). */
(function () {
  "use strict";

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

  var jsonHeaders = { "X-Requested-With": "XMLHttpRequest", Accept: "application/json" };

  // The page is the same for every reader (cached): it holds no CSRF token. The
  // vote URL gives one to this reader (and sets its cookie) before the post.
  function vote(form, button) {
    return fetch(form.action, { headers: jsonHeaders, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (token) {
        var data = new FormData();
        data.append("stars", button.value);
        return fetch(form.action, {
          method: "POST",
          body: data,
          credentials: "same-origin",
          headers: Object.assign({ "X-CSRFToken": token.csrf }, jsonHeaders),
        });
      })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      });
  }

  var block = document.querySelector("[data-rating]");
  var form = block && block.querySelector("[data-rating-form]");
  if (form && window.fetch && window.FormData) {
    var live = block.querySelector("[data-rating-live]");
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "stars") return;
      event.preventDefault();
      vote(form, button).then(function (result) {
        if (result.ok) updateRating(block, result.body);
        live.textContent = result.ok
          ? result.body.message + " " + result.body.summary
          : result.body.error;
      }).catch(function () {
        window.location.href = form.action + "?stars=" + button.value;
      });
    });
  }

  // "Write a comment": the form (and its captcha, made now) comes in place.
  var open = document.querySelector("[data-comment-open]");
  if (open && window.fetch && window.DOMParser) {
    open.addEventListener("click", function (event) {
      event.preventDefault();
      fetch(open.href, {
        headers: { "X-Requested-With": "XMLHttpRequest" },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (html) {
          var section = document.querySelector("[data-comment-section]");
          var fresh = new DOMParser()
            .parseFromString(html, "text/html")
            .querySelector("[data-comment-section]");
          section.replaceWith(fresh);
          if (window.portalCitizenForms) window.portalCitizenForms(fresh);
          var first = fresh.querySelector("input:not([type=hidden]), textarea");
          if (first) first.focus();
        })
        .catch(function () {
          window.location.href = open.href; // the page with the form
        });
    });
  }
})();
