// Classroom bundle opened straight from disk (file://): browsers do not run the course's Python
// there, so each widget says how to turn it on. A classic script on purpose: module scripts do
// not run from file:// in most browsers. Added to pages only in the bundle's (offline) build.
(function () {
  if (location.protocol !== "file:") return;
  var TEXT =
    "The interactive part of this page runs Python in your browser, which needs the course launcher. " +
    "Close this window and double-click serve.py in the course folder (the README explains how on " +
    "Windows, macOS and Linux): the course then opens in your browser with everything working. " +
    "Until then you can read and print this page; each quiz has its answer key below the questions.";

  function tell() {
    var roots = document.querySelectorAll("[data-hipdrop-widget]");
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i];
      if (root.getAttribute("data-hipdrop-state") === "needs-launcher") continue;
      var status = root.querySelector(".hd-status");
      if (!status) {
        status = document.createElement("p");
        status.className = "hd-status";
        status.setAttribute("role", "status");
        root.insertBefore(status, root.firstChild);
      }
      status.setAttribute("data-state", "needs-launcher");
      status.textContent = TEXT;
      root.setAttribute("data-hipdrop-state", "needs-launcher");
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", tell);
  else tell();
})();
