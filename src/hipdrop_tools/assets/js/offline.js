// Registers the course's service worker (sw.js at the site root), which keeps the whole course,
// Python included, for use without a network. Nothing to do on file:// or without support.

const ROOT = new URL("../../../", import.meta.url); // this file is assets/hipdrop/js/offline.js

function register() {
  navigator.serviceWorker
    .register(new URL("sw.js", ROOT), { scope: ROOT.pathname })
    .catch((error) => console.warn(`hipdrop: offline use is not available here (${error.message})`));
}

// On a widget page, wait until Python is up (or has failed) before the precache starts: the
// runtime is then in the HTTP cache, so it is not downloaded twice, and the precache does not
// compete with Python's first start for the network and the CPU.
const SETTLE_TIMEOUT_MS = 60_000;

function registerWhenIdle() {
  const settled = ["ready", "failed"].includes(window.hipdrop?.state?.state);
  if (!document.querySelector("[data-hipdrop-widget]") || settled) {
    register();
    return;
  }
  let done = false;
  const once = () => {
    if (!done) register();
    done = true;
  };
  window.addEventListener("hipdrop:settled", once, { once: true });
  setTimeout(once, SETTLE_TIMEOUT_MS);
}

// Under `mkdocs serve` (the page says so) pages change all the time: remove the offline copy.
async function removeOfflineCopy() {
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    if (registration.scope === ROOT.href) await registration.unregister();
  }
  for (const name of await caches.keys()) if (name.startsWith("hipdrop-")) await caches.delete(name);
  document.documentElement.dataset.hdOfflineRemoved = "true"; // done (the tests wait on it)
}

// A page the service worker answered from its copy asks it whether the server still has it
// (sw.js, in the worker's message handler). If not, the worker has removed the copy and this
// page, out of date, loads again from the server. A worker that does not answer (one built
// before it could) leaves things as they are.
const ASK_TIMEOUT_MS = 10_000;

function stillServed() {
  const worker = navigator.serviceWorker.controller;
  if (!worker) return Promise.resolve(true);
  return new Promise((resolve) => {
    const listener = (event) => {
      if (event.data?.hipdrop !== "still-served") return;
      navigator.serviceWorker.removeEventListener("message", listener);
      resolve(event.data.served);
    };
    navigator.serviceWorker.addEventListener("message", listener);
    navigator.serviceWorker.startMessages();
    worker.postMessage("hipdrop:still-served?");
    setTimeout(() => resolve(true), ASK_TIMEOUT_MS);
  });
}

async function start() {
  if (!(await stillServed())) {
    location.reload();
    return;
  }
  registerWhenIdle();
}

if (document.querySelector('meta[name="hipdrop-offline"][content="off"]')) {
  if ("serviceWorker" in navigator) removeOfflineCopy().catch(() => {});
} else if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  const begin = () => start().catch((error) => console.warn(`hipdrop: ${error.message}`));
  if (document.readyState === "complete") begin();
  else window.addEventListener("load", begin, { once: true });
}
