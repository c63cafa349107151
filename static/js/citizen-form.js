/* Citizens' forms (portal/citizen.py): a new captcha without reloading the page,
   and focus on the error summary. The forms work without this file.
   window.portalCitizenForms(root) binds the forms under `root`: comments.js
   calls it for a form it has just fetched. */
(function () {
  "use strict";

  function bindRefresh(refresh) {
    if (!window.fetch || refresh.hasAttribute("data-bound")) return;
    refresh.setAttribute("data-bound", "");
    refresh.addEventListener("click", function (event) {
      event.preventDefault();
      var form = refresh.form;
      fetch(refresh.getAttribute("data-refresh-url"), {
        headers: { "X-Requested-With": "XMLHttpRequest" },
        credentials: "same-origin",
      })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          form.querySelector("[data-captcha-image]").src = data.image_url;
          form.querySelector("input[name=captcha_0]").value = data.key;
          var answer = form.querySelector("input[name=captcha_1]");
          answer.value = "";
          answer.focus();
          form.querySelector("[data-captcha-live]").textContent =
            refresh.getAttribute("data-refreshed-text");
        })
        .catch(function () {
          form.requestSubmit(refresh); // no JSON: the server-side refresh
        });
    });
  }

  window.portalCitizenForms = function (root) {
    root.querySelectorAll("[data-captcha-refresh]").forEach(bindRefresh);
  };

  // A form that came back with errors: move focus to its summary, which lists
  // each problem with a link to the field.
  var errors = document.querySelector("[data-citizen-form] [data-form-errors]");
  if (errors) errors.focus();
  window.portalCitizenForms(document);
})();
