// Small page helpers; no inline scripts anywhere (the CSP forbids them).
(function () {
  "use strict";
  // "/" focuses the search box, as on most sites.
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    var box = document.querySelector("#q, .topsearch input");
    if (box) { ev.preventDefault(); box.focus(); box.select(); }
  });
  // Document view: bring the focused evidence span into view.
  var focus = document.getElementById("focus");
  if (focus && focus.scrollIntoView) focus.scrollIntoView({ block: "center" });
})();
