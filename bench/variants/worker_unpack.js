// bench/boot.py's "before" variant of src/hipdrop_tools/assets/js/worker.js: the engine wheel is
// fetched by the worker alongside the boot and unpacked with pyodide.unpackArchive, as the worker
// did before the engine had its lock; here the fetch checks the lock's sha256 (the browser's
// subresource integrity), so both sides give the same guarantee. Only the benchmark serves it, in a
// copy of the built site. Below: the worker at 71a0997, reading the wheel's address from the lock.
//
// Protocol, one reply per request, matched by id:
//   page -> worker  {id, method, params}
//   worker -> page  {id, ok: true, result} | {id, ok: false, error: {type, message}}
//   worker -> page  {event: "status", state, stage, progress, message}   (unsolicited)
// "engine.init" boots Pyodide and loads the engine wheel; every other method is looked up by
// Python in hipdrop.browser.METHODS. A Python exception comes back as an error reply. The words
// it reports in come with engine.init (params.messages, the page's catalog: messages.js).

import { format } from "./messages.js";

let booting = null;
let dispatch = null;
let messages = {};

function text(key, values) {
  return format(messages[key] ?? key, values);
}

function post(message) {
  self.postMessage(message);
}

function status(state, stage, progress, message = "") {
  post({ event: "status", state, stage, progress, message });
}

function base64(hex) {
  return btoa(String.fromCharCode(...hex.match(/../g).map((pair) => parseInt(pair, 16))));
}

async function fetchEngine(url, sha256) {
  const response = await fetch(url, { integrity: `sha256-${base64(sha256)}` });
  if (!response.ok) {
    throw new Error(text("engine.error.engine_download", { status: response.status }));
  }
  return response.arrayBuffer();
}

async function boot({ pyodideURL, engineLockURL }) {
  const started = performance.now();
  status("loading", text("engine.stage.download"), 10);
  const lock = await (await fetch(engineLockURL)).json();
  const [{ file_name: fileName, sha256 }] = Object.values(lock.packages);
  // Fetch the engine while Pyodide boots; mark the promise handled so an early failure is not
  // reported as unhandled before we await it.
  const engine = fetchEngine(new URL(fileName, engineLockURL), sha256);
  engine.catch(() => {});
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href));
  } catch (error) {
    throw new Error(text("engine.error.runtime_download"));
  }
  status("loading", text("engine.stage.python"), 40);
  const pyodide = await loadPyodide({ indexURL: pyodideURL, lockFileContents: { info: lock.info, packages: {} }, packages: [] });
  status("loading", text("engine.stage.engine"), 85);
  pyodide.unpackArchive(await engine, "wheel");
  const browser = pyodide.pyimport("hipdrop.browser");
  const session = browser.Session(); // what Python keeps from call to call (the loaded quiz banks)
  dispatch = (method, paramsJson) => browser.dispatch(method, paramsJson, session);
  const python = JSON.parse(dispatch("engine.ping", "{}")).result.python;
  status("ready", text("engine.stage.ready"), 100);
  return { python, bootMs: performance.now() - started };
}

function errorReply(id, error) {
  const type = error && (error.type || error.name) ? error.type || error.name : "Error";
  const message = error && error.message ? error.message : String(error);
  post({ id, ok: false, error: { type, message } });
}

self.onmessage = async ({ data }) => {
  const { id, method, params } = data || {};
  if (method === "engine.init") {
    messages = params?.messages ?? messages;
    booting ??= boot(params);
    try {
      post({ id, ok: true, result: await booting });
    } catch (error) {
      status("failed", text("engine.stage.failed"), 0, error.message || String(error));
      errorReply(id, error);
    }
    return;
  }
  try {
    if (!booting) throw new Error("the engine has not been started");
    await booting;
    const reply = JSON.parse(dispatch(method, JSON.stringify(params ?? {})));
    if (reply.ok) post({ id, ok: true, result: reply.result });
    else post({ id, ok: false, error: reply.error });
  } catch (error) {
    errorReply(id, error);
  }
};
