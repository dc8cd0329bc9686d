// Registers the course's service worker (sw.js at the site root), which keeps the pages for use
// without a network, and asks it to keep the Python runtime as well
//   - once Python has run on this device (taken from the HTTP cache: nothing downloaded twice;
//     not when the browser asks to save data), or
//   - when the reader presses "Keep this course for offline use" (a block the build writes,
//     hipdrop_tools.offline.keep_control; enhanced here: size, Save-Data warning, progress).
// Nothing to do on file:// or without support.

import { text as words } from "./messages.js";

const ROOT = new URL("../../../", import.meta.url); // this file is assets/hipdrop/js/offline.js
const CONTROL = "[data-hd-offline-keep]";

const saveData = () => navigator.connection?.saveData === true;

function register() {
  navigator.serviceWorker
    .register(new URL("sw.js", ROOT), { scope: ROOT.pathname })
    .catch((error) => console.warn(`hipdrop: offline use is not available here (${error.message})`));
}

// When Python is starting as the page opens (a widget in the first screen), the precache waits
// until it is up (or has failed), so as not to compete with its first start for the network and
// the CPU. Python's start is decided after the first frame (bridge.js watches the viewport).
const SETTLE_TIMEOUT_MS = 60_000;

function registerWhenIdle() {
  const afterFirstFrames = (callback) => requestAnimationFrame(() => requestAnimationFrame(callback));
  afterFirstFrames(() => {
    if (window.hipdrop?.state?.state !== "loading") {
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
  });
}

async function askWorker(message) {
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage(message);
}

// ---- the control

function megabytes(bytes) {
  return words("offline.keep.megabytes", { n: (bytes / 1_000_000).toFixed(1) });
}

function parts(control) {
  return {
    button: control.querySelector(".hd-offline-button"),
    bar: control.querySelector("progress"),
    state: control.querySelector(".hd-offline-state"),
    warning: control.querySelector(".hd-offline-save-data"),
  };
}

function showKeep(control, { state, loaded = 0, total = Number(control.dataset.bytes), message = "" }) {
  const { button, bar, state: text } = parts(control);
  control.dataset.state = state;
  bar.hidden = state !== "downloading";
  button.hidden = state === "kept";
  button.disabled = state === "downloading";
  if (state === "downloading") {
    bar.max = Math.max(total, 1);
    bar.value = loaded;
    text.textContent = words("offline.keep.downloading", { loaded: megabytes(loaded), total: megabytes(total) });
  } else if (state === "kept") {
    text.textContent = words("offline.keep.kept");
  } else if (state === "failed") {
    text.textContent = words("offline.keep.failed", { message });
  } else {
    text.textContent = "";
  }
}

function enhance(control) {
  if (control.dataset.enhanced) return;
  control.dataset.enhanced = "true";
  const { button, warning } = parts(control);
  const size = megabytes(Number(control.dataset.bytes));
  if (saveData()) {
    warning.hidden = false;
    button.textContent = words("offline.keep.anyway", { size });
  }
  button.hidden = false;
  button.addEventListener("click", () => {
    showKeep(control, { state: "downloading", loaded: 0 });
    askWorker({ type: "hipdrop:keep-runtime", source: "network" });
  });
  askWorker({ type: "hipdrop:runtime-status" });
}

function enhanceAll() {
  document.querySelectorAll(CONTROL).forEach(enhance);
}

// The worker's answers: kept or not, and the download's progress. One listener for the page's
// whole life (instant navigation keeps this module); it updates the controls on the page now.
function listen() {
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data?.type !== "hipdrop:runtime") return;
    document.querySelectorAll(CONTROL).forEach((control) => {
      if (data.state === "missing" && control.dataset.state === "downloading") return;
      showKeep(control, { ...data, state: data.state === "missing" ? "idle" : data.state });
    });
    if (data.state === "kept") document.documentElement.dataset.hdRuntimeKept = "true"; // tests wait on it
  });
  navigator.serviceWorker.startMessages();
}

// Python has run on this device: keep its runtime, which is in the HTTP cache now.
function keepAfterPythonRan() {
  window.addEventListener("hipdrop:settled", ({ detail }) => {
    if (detail?.state === "ready" && !saveData()) askWorker({ type: "hipdrop:keep-runtime", source: "http-cache" });
  });
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

function whenLoaded(callback) {
  if (document.readyState === "complete") callback();
  else window.addEventListener("load", callback, { once: true });
}

if (document.querySelector('meta[name="hipdrop-offline"][content="off"]')) {
  if ("serviceWorker" in navigator) removeOfflineCopy().catch(() => {});
} else if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  listen();
  keepAfterPythonRan();
  whenLoaded(() => {
    start().catch((error) => console.warn(`hipdrop: offline copy: ${error.message}`));
    enhanceAll();
    window.document$?.subscribe?.(() => enhanceAll());
  });
}
