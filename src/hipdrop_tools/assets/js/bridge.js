// The bridge: on a page that holds a widget, start the Python worker when the reader is
// about to use one, and attach each widget. Pages without widgets load nothing else.
//
// Reading costs no Python: the worker (and with it every byte of Pyodide) starts only when a
// widget comes within about one screen of the viewport, or when the reader focuses or touches
// it. A widget in the first screen starts at once. Once Python runs, every widget on the page,
// and on the pages instant navigation brings later, is attached straight away.
//
// A widget is an element with data-hipdrop-widget="<kind>"; ./widgets/<kind>.js exports
// attach(root, api), where api.call(method, params) returns a Promise of the engine's result.

import { EngineClient } from "./engine-client.js";
import { allMessages, text } from "./messages.js";
import { StatusView } from "./status-view.js";

const WIDGET_SELECTOR = "[data-hipdrop-widget]";
const KIND = /^[a-z][a-z-]*$/;

let client = null;
// Each widget's status subscription, removed once Material's instant navigation has taken the
// widget off the page (otherwise every visit would leave one more listener behind).
const subscriptions = new Map();
// Widgets waiting for the reader: the observer that sees them come near, and each one's
// focus/touch listeners (on the widget itself, so they leave the page with it).
const NEAR = "100% 0px"; // one viewport height above and below the screen
let observer = null;
const waiting = new Map();

function started() {
  return client !== null && client.state.state !== "idle";
}

function disarm(root) {
  observer?.unobserve(root);
  waiting.get(root)?.abort();
  waiting.delete(root);
}

// Within about one screen of the viewport now (the observer tells of later changes).
function near(root) {
  const { top, bottom } = root.getBoundingClientRect();
  return bottom >= -innerHeight && top <= 2 * innerHeight;
}

// The reader is about to use a widget: start Python, attach every widget on the page.
function startNow() {
  for (const root of [...waiting.keys()]) disarm(root);
  observer?.disconnect();
  observer = null;
  // The worker starts now, while the widgets' own scripts load.
  client.start().catch(() => {}); // a failed start is shown by every widget's status
  document.querySelectorAll(WIDGET_SELECTOR).forEach((root) => {
    if (root.hipdropView && !root.dataset.hipdropAttached && !root.dataset.hipdropFault) attachWhenReady(root);
  });
}

function arm(root) {
  observer ??= new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) startNow();
    },
    { rootMargin: NEAR },
  );
  observer.observe(root);
  const controller = new AbortController();
  const options = { once: true, signal: controller.signal };
  root.addEventListener("focusin", startNow, options);
  root.addEventListener("pointerdown", startNow, options);
  waiting.set(root, controller);
}

function forgetDetached() {
  for (const root of [...waiting.keys()]) if (!root.isConnected) disarm(root);
  for (const [root, unsubscribe] of subscriptions) {
    if (root.isConnected) continue;
    unsubscribe();
    subscriptions.delete(root);
  }
}

// What engine.init needs: where Pyodide and the engine's lock are, and the words the worker reports in.
function engineUrls() {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
  const pyodide = new URL(meta("hipdrop-pyodide") ?? "../pyodide/", document.baseURI).href;
  return {
    pyodideURL: pyodide.endsWith("/") ? pyodide : `${pyodide}/`,
    engineLockURL: new URL(meta("hipdrop-engine-lock"), document.baseURI).href,
    messages: allMessages(),
  };
}

// A fault of one widget, while Python itself is fine: its script is missing or threw ("widget"),
// or the engine answered one of its calls with an error ("call"). Only this widget says so.
function fault(root, phase, message) {
  if (!root.isConnected) return;
  root.dataset.hipdropFault = phase;
  root.dataset.hipdropState = "failed";
  root.hipdropView?.show({ state: "failed", phase, message });
}

function api(root) {
  return {
    call: (method, params) =>
      client.call(method, params).catch((error) => {
        // When the worker itself has gone, every widget already shows it (onStatus).
        if (client.state.state === "ready") fault(root, "call", error.message);
        throw error;
      }),
  };
}

async function attachWhenReady(root) {
  const kind = root.dataset.hipdropWidget;
  let widget;
  try {
    if (!KIND.test(kind)) throw new Error(text("engine.error.unknown_widget", { kind }));
    // The browser remembers a module that failed to load: a retry asks for it under a new address.
    const failures = Number(root.dataset.hipdropImportFailures ?? 0);
    widget = await import(`./widgets/${kind}.js${failures ? `?attempt=${failures}` : ""}`);
  } catch (error) {
    root.dataset.hipdropImportFailures = String(Number(root.dataset.hipdropImportFailures ?? 0) + 1);
    // The status view tells the reader; the static content stays usable.
    const message = KIND.test(kind) ? text("engine.error.widget_load", { kind, reason: error.message }) : error.message;
    fault(root, "widget", message);
    return;
  }
  try {
    await client.start();
  } catch {
    return; // every widget's status already says why Python did not start, with Retry
  }
  if (root.dataset.hipdropAttached || !root.isConnected) return;
  try {
    widget.attach(root, api(root));
    root.dataset.hipdropAttached = "true";
    root.dataset.hipdropState = client.state.state; // after a Retry of this widget alone
    root.hipdropView.show(client.state);
  } catch (error) {
    fault(root, "widget", text("engine.error.widget_start", { kind, reason: error.message }));
  }
}

// Retry: a failed or faulted engine is started afresh (a new worker); a widget whose script
// failed tries it again. Every widget not yet attached is attached once Python is ready.
function retry(root) {
  const faulted = root.dataset.hipdropFault;
  delete root.dataset.hipdropFault;
  if (client.state.state === "failed" || faulted === "call") {
    client.restart();
  } else {
    root.dataset.hipdropState = "loading";
    root.hipdropView.show({ state: "loading", stage: text("engine.stage.widget"), progress: 0 });
  }
  document.querySelectorAll(WIDGET_SELECTOR).forEach((other) => {
    if (other.hipdropView && !other.dataset.hipdropAttached && !other.dataset.hipdropFault) attachWhenReady(other);
  });
}

function watch(root) {
  root.dataset.hipdropState = client.state.state;
  root.hipdropView = new StatusView(root, () => retry(root));
  const unsubscribe = client.onStatus((state) => {
    // A widget whose own script failed keeps saying so whatever Python does.
    if (!root.isConnected || root.dataset.hipdropFault === "widget") return;
    delete root.dataset.hipdropFault;
    root.dataset.hipdropState = state.state;
    root.hipdropView.show(state);
  });
  subscriptions.set(root, unsubscribe);
}

// The build wraps each widget's data script in <template data-hd-data> so that Material's
// instant navigation leaves it alone (hipdrop_tools.build.instant_nav); put it back before attaching.
function unwrapData() {
  document.querySelectorAll("template[data-hd-data]").forEach((t) => t.replaceWith(t.content));
}

function scan() {
  // Opened from disk (the classroom bundle) no worker can start; file-notice.js tells the reader.
  if (location.protocol === "file:") return;
  forgetDetached();
  unwrapData();
  const roots = [...document.querySelectorAll(WIDGET_SELECTOR)].filter(
    (root) => !root.dataset.hipdropState,
  );
  if (roots.length === 0) return;
  if (!client) {
    client = new EngineClient(engineUrls());
    // Tell the rest of the page (offline.js waits for it) once Python is up or has failed.
    let settled = false;
    client.onStatus(({ state }) => {
      if (settled || (state !== "ready" && state !== "failed")) return;
      settled = true;
      window.dispatchEvent(new CustomEvent("hipdrop:settled", { detail: { state } }));
    });
  }
  roots.forEach(watch);
  // A widget in the first screen (the program page, the lab) starts Python at once.
  if (started() || roots.some(near)) startNow();
  else roots.forEach(arm);
}

function whenLoaded(callback) {
  if (document.readyState === "complete") callback();
  else window.addEventListener("load", callback, { once: true });
}

whenLoaded(() => {
  scan();
  // Material's instant navigation swaps the page without reloading scripts: attach again.
  window.document$?.subscribe?.(() => scan());
});

window.hipdrop = {
  get state() {
    return client?.state ?? { state: "idle" };
  },
  // Live status subscriptions: one per widget on the page, plus the page's own (tests read it).
  get statusListeners() {
    return client?.statusListenerCount ?? 0;
  },
  call: (method, params) => (client ? client.call(method, params) : Promise.reject(new Error("no widget on this page"))),
};
