// The bridge: on a page that holds a widget, start the Python worker after the page has
// loaded and attach each widget. Pages without widgets load nothing else.
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

function forgetDetached() {
  for (const [root, unsubscribe] of subscriptions) {
    if (root.isConnected) continue;
    unsubscribe();
    subscriptions.delete(root);
  }
}

// What engine.init needs: where Pyodide and the engine are, and the words the worker reports in.
function engineUrls() {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
  const pyodide = new URL(meta("hipdrop-pyodide") ?? "../pyodide/", document.baseURI).href;
  return {
    pyodideURL: pyodide.endsWith("/") ? pyodide : `${pyodide}/`,
    engineURL: new URL(meta("hipdrop-engine"), document.baseURI).href,
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
  root.dataset.hipdropState = "loading";
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
// instant navigation leaves it alone (hipdrop_tools.instant_nav); put it back before attaching.
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
  roots.forEach((root) => {
    watch(root);
    attachWhenReady(root);
  });
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
