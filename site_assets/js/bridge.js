// Hip Drop bridge: on a page that holds a widget, start the Python worker after the page has
// loaded and attach each widget. Pages without widgets load nothing else.
//
// A widget is an element with data-hipdrop-widget="<kind>"; ./widgets/<kind>.js exports
// attach(root, api), where api.call(method, params) returns a Promise of the engine's result.

import { EngineClient } from "./engine-client.js";
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

function engineUrls() {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
  const pyodide = new URL(meta("hipdrop-pyodide") ?? "../pyodide/", document.baseURI).href;
  return {
    pyodideURL: pyodide.endsWith("/") ? pyodide : `${pyodide}/`,
    engineURL: new URL(meta("hipdrop-engine"), document.baseURI).href,
  };
}

async function attachWhenReady(root) {
  const kind = root.dataset.hipdropWidget;
  try {
    if (!KIND.test(kind)) throw new Error(`unknown widget '${kind}'`);
    const widget = await import(`./widgets/${kind}.js`);
    await client.start();
    if (root.dataset.hipdropAttached) return;
    widget.attach(root, { call: (method, params) => client.call(method, params) });
    root.dataset.hipdropAttached = "true";
  } catch (error) {
    // The status view tells the reader; the static content stays usable.
    root.dataset.hipdropState = "failed";
    root.hipdropView?.show({ state: "failed", message: error.message });
  }
}

function retry() {
  client.restart();
  document.querySelectorAll(WIDGET_SELECTOR).forEach((root) => {
    if (!root.dataset.hipdropAttached) attachWhenReady(root);
  });
}

function watch(root) {
  root.dataset.hipdropState = "loading";
  root.hipdropView = new StatusView(root, retry);
  const unsubscribe = client.onStatus((state) => {
    if (!root.isConnected) return;
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
