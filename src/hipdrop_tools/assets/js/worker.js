// The engine worker (a module Web Worker).
//
// Protocol, one reply per request, matched by id:
//   page -> worker  {id, method, params}
//   worker -> page  {id, ok: true, result} | {id, ok: false, error: {type, message}}
//   worker -> page  {event: "status", state, stage, progress, message}   (unsolicited)
// "engine.init" boots Pyodide and installs the engine wheel its lock lists, fetched during the boot
// with the lock's sha256 as the fetch's integrity; every other method is looked up by
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

// The engine's lock (pyodide-lock.json, written at build time) names the engine wheel, beside it,
// and its sha256.
async function fetchLock(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(text("engine.error.engine_download", { status: response.status }));
  }
  return response.json();
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Why a wheel was refused: it could not be downloaded, or it did not match its checksum.
async function engineFailure(url, sha256) {
  let response;
  try {
    response = await fetch(url);
  } catch {
    return text("engine.error.engine_install");
  }
  if (!response.ok) return text("engine.error.engine_download", { status: response.status });
  if (!crypto.subtle) return text("engine.error.engine_install"); // not a secure context: no digest here
  const digest = hex(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
  return text(digest === sha256 ? "engine.error.engine_install" : "engine.error.engine_checksum");
}

function integrity(sha256) {
  const bytes = sha256.match(/../g).map((pair) => parseInt(pair, 16));
  return `sha256-${btoa(String.fromCharCode(...bytes))}`;
}

// Each wheel the lock lists, fetched with the lock's sha256 as its integrity: the browser refuses
// other bytes, as Pyodide's own loader would (it fetches the same way). A retry asks the server
// again ("reload"), in case the browser's cache holds a damaged copy (the address never changes).
async function fetchWheels(lock, lockURL, attempt) {
  const wheels = Object.values(lock.packages).map(async ({ file_name: fileName, sha256 }) => {
    const url = new URL(fileName, lockURL);
    let response;
    try {
      response = await fetch(url, { integrity: integrity(sha256), cache: attempt > 0 ? "reload" : "default" });
    } catch {
      throw new Error(await engineFailure(url, sha256));
    }
    if (!response.ok) throw new Error(text("engine.error.engine_download", { status: response.status }));
    return response.arrayBuffer();
  });
  return Promise.all(wheels);
}

async function boot({ pyodideURL, engineLockURL, attempt = 0 }) {
  const started = performance.now();
  status("loading", text("engine.stage.download"), 10);
  // The lock, then the engine, come while Pyodide's script does; mark the promises handled so an
  // early failure is not reported as unhandled before we await it.
  const lockFile = fetchLock(engineLockURL);
  lockFile.catch(() => {});
  const wheels = lockFile.then((lock) => fetchWheels(lock, engineLockURL, attempt));
  wheels.catch(() => {});
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href));
  } catch (error) {
    throw new Error(text("engine.error.runtime_download"));
  }
  const lock = await lockFile;
  status("loading", text("engine.stage.python"), 40);
  // The lock gives Pyodide the runtime's ABI to check; the engine is installed below, measured
  // faster than loadPyodide's packages option (bench/NOTES.md).
  const pyodide = await loadPyodide({
    indexURL: pyodideURL,
    lockFileContents: lock,
    packageBaseUrl: new URL(".", engineLockURL).href,
  });
  status("loading", text("engine.stage.engine"), 85);
  for (const wheel of await wheels) pyodide.unpackArchive(wheel, "wheel");
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
