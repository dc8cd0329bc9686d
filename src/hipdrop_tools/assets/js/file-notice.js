// Classroom bundle opened straight from disk (file://): browsers do not run the course's Python
// there, so each widget says how to turn it on. A classic script on purpose: module scripts do
// not run from file:// in most browsers. Added to pages only in the bundle's (offline) build.
// Its words are the page's catalog's (hipdrop-messages, see messages.js; read here directly, as a
// classic script cannot import).
(function () {
  if (location.protocol !== "file:") return;
  var TEXT = "";
  try {
    TEXT = JSON.parse(document.getElementById("hipdrop-messages").textContent).messages["offline.file_notice"] || "";
  } catch (error) {
    TEXT = "";
  }

  function tell() {
    if (!TEXT) return;
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
