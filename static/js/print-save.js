// The print button needs script; without it the button stays hidden and the
// browser's own Print (Ctrl+P) gives the same clean page (static/css/print.css).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
