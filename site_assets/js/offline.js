// Registers the course's service worker (sw.js at the site root), which keeps the whole course,
// Python included, for use without a network. Nothing to do on file:// or without support.

const ROOT = new URL("../../../", import.meta.url); // this file is assets/hipdrop/js/offline.js

function register() {
  navigator.serviceWorker
    .register(new URL("sw.js", ROOT), { scope: ROOT.pathname })
    .catch((error) => console.warn(`Hip Drop: offline use is not available here (${error.message})`));
}

// Under `mkdocs serve` (the page says so) pages change all the time: remove the offline copy.
async function removeOfflineCopy() {
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    if (registration.scope === ROOT.href) await registration.unregister();
  }
  for (const name of await caches.keys()) if (name.startsWith("hipdrop-")) await caches.delete(name);
}

if (document.querySelector('meta[name="hipdrop-offline"][content="off"]')) {
  if ("serviceWorker" in navigator) removeOfflineCopy().catch(() => {});
} else if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
