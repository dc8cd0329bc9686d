// Registers the course's service worker (sw.js at the site root), which keeps the site's shell and
// the pages the reader opens for use without a network (offline after one visit, for what was
// read), and asks it to keep more:
//   - the Python runtime once Python has run on this device (taken from the HTTP cache: nothing
//     downloaded twice; not when the browser asks to save data);
//   - the whole course, pages and runtime, when the reader presses "Save this course for offline
//     use" (a block the build writes, hipdrop_tools.offline.keep_control; enhanced here: size,
//     Save-Data warning, progress);
//   - the rest of the pages on a later visit, when the browser says the connection is not metered
//     and Save-Data is off.
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

// The button and the Save-Data warning name what a save would download now (the worker counts
// what is not kept yet; before it answers, the build's figure for the runtime).
function showSize(control, bytes) {
  const { button, warning } = parts(control);
  const size = megabytes(bytes);
  control.dataset.missing = String(bytes);
  warning.textContent = words("offline.keep.save_data", { size });
  button.textContent = words(saveData() ? "offline.keep.anyway" : "offline.keep.button", { size });
}

function showKeep(control, { state, loaded = 0, total = Number(control.dataset.missing ?? control.dataset.bytes), message = "" }) {
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
  warning.hidden = !saveData();
  showSize(control, Number(control.dataset.bytes));
  button.hidden = false;
  button.addEventListener("click", () => {
    showKeep(control, { state: "downloading", loaded: 0 });
    askWorker({ type: "hipdrop:save-course", parts: ["course", "runtime"], source: "network" });
  });
  askWorker({ type: "hipdrop:offline-status" });
}

function enhanceAll() {
  document.querySelectorAll(CONTROL).forEach(enhance);
}

// The worker's answers: what the offline copy still lacks, and a download's progress. One
// listener for the page's whole life (instant navigation keeps this module); it updates the
// controls on the page now.
function listen() {
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data?.type !== "hipdrop:offline") return;
    const lacking = data.missing ? data.missing.course + data.missing.runtime : null;
    document.querySelectorAll(CONTROL).forEach((control) => {
      if (lacking !== null && lacking > 0) showSize(control, lacking);
      if (data.state === "downloading") {
        if (control.dataset.state === "downloading") showKeep(control, data);
        return;
      }
      if (data.state === "failed" && control.dataset.state === "downloading") {
        showKeep(control, data);
        return;
      }
      if (lacking === null || (data.state === "status" && control.dataset.state === "downloading")) return;
      showKeep(control, { state: lacking === 0 ? "kept" : "idle" });
    });
    // The tests wait on these.
    const root = document.documentElement.dataset;
    if (data.missing?.runtime === 0) root.hdRuntimeKept = "true";
    if (data.missing?.course === 0) root.hdCourseSaved = "true";
    if (data.state === "kept" || data.state === "failed") root.hdOfflineSave = data.state;
  });
  navigator.serviceWorker.startMessages();
}

// Python has run on this device: keep its runtime, which is in the HTTP cache now.
function keepAfterPythonRan() {
  window.addEventListener("hipdrop:settled", ({ detail }) => {
    if (detail?.state === "ready" && !saveData()) askWorker({ type: "hipdrop:keep-runtime", source: "http-cache" });
  });
}

// The page the reader has open, and what it loaded before the worker was in control (pictures,
// scripts): kept for offline use, taken from the HTTP cache.
function keepOpened() {
  const urls = [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)];
  askWorker({ type: "hipdrop:keep-opened", urls });
}

// ---- a later visit saves the rest of the pages, when the browser says the connection is not
// metered (Wi-Fi or wired) and Save-Data is off. Where it does not say, nothing is guessed: the
// reader can press "Save this course for offline use". A visit is a browsing session (a tab).
const VISIT_KEY = "hipdrop:visit";

function unmetered() {
  const connection = navigator.connection;
  if (!connection || connection.saveData || connection.metered === true) return false;
  return connection.type === "wifi" || connection.type === "ethernet";
}

// "first" (no worker yet), "later" (the first page of a new visit, the worker in control since an
// earlier one), "same" (another page of this visit) or "unknown" (storage refused).
function visit(controlledAtLoad) {
  try {
    if (sessionStorage.getItem(VISIT_KEY)) return "same";
    sessionStorage.setItem(VISIT_KEY, "1");
  } catch {
    return "unknown";
  }
  return controlledAtLoad ? "later" : "first";
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

async function start(controlledAtLoad) {
  if (!(await stillServed())) {
    location.reload();
    return;
  }
  registerWhenIdle();
  await navigator.serviceWorker.ready;
  keepOpened();
  const root = document.documentElement.dataset; // the tests read these
  root.hdVisit = visit(controlledAtLoad);
  const unasked = root.hdVisit === "later" && unmetered();
  root.hdSaveUnasked = unasked ? "yes" : "no";
  if (unasked) askWorker({ type: "hipdrop:save-course", parts: ["course"], source: "network" });
}

function whenLoaded(callback) {
  if (document.readyState === "complete") callback();
  else window.addEventListener("load", callback, { once: true });
}

if (document.querySelector('meta[name="hipdrop-offline"][content="off"]')) {
  if ("serviceWorker" in navigator) removeOfflineCopy().catch(() => {});
} else if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  const controlledAtLoad = navigator.serviceWorker.controller !== null;
  listen();
  keepAfterPythonRan();
  whenLoaded(() => {
    start(controlledAtLoad).catch((error) => console.warn(`hipdrop: offline copy: ${error.message}`));
    enhanceAll();
    // Instant navigation: the new page came through the worker; what it loaded may not have.
    window.document$?.subscribe?.(() => {
      enhanceAll();
      if (navigator.serviceWorker.controller) keepOpened();
    });
  });
}
