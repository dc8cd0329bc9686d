// Registers the course's service worker (sw.js at the site root), which keeps the whole course,
// Python included, for use without a network. Nothing to do on file:// or without support.

const ROOT = new URL("../../../", import.meta.url); // this file is assets/hipdrop/js/offline.js

function register() {
  navigator.serviceWorker
    .register(new URL("sw.js", ROOT), { scope: ROOT.pathname })
    .catch((error) => console.warn(`Hip Drop: offline use is not available here (${error.message})`));
}

if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
