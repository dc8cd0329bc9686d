// bench/boot.py's "lock" variant of src/hipdrop_tools/assets/js/worker.js: the engine wheel loaded
// by loadPyodide({lockFileContents, packages}) from the engine's lock, Pyodide's own loader
// fetching it (with the lock's sha256 as integrity) and installing it. Measured slower than the
// worker's own fetch and unpackArchive (bench/NOTES.md), so only the benchmark serves it.
//
// Protocol, one reply per request, matched by id:
//   page -> worker  {id, method, params}
//   worker -> page  {id, ok: true, result} | {id, ok: false, error: {type, message}}
//   worker -> page  {event: "status", state, stage, progress, message}   (unsolicited)
// "engine.init" boots Pyodide with the engine's lock, so Pyodide loads the engine wheel (and checks
// its sha256) as it boots; every other method is looked up by
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

// Pyodide reports a package it could not load on the console only: ask again, to tell the reader
// whether the engine could not be downloaded or did not match its checksum.
async function engineFailure(lock, lockURL, names) {
  for (const name of names) {
    const { file_name: fileName, sha256 } = lock.packages[name];
    let response;
    try {
      response = await fetch(new URL(fileName, lockURL));
    } catch {
      return text("engine.error.engine_install");
    }
    if (!response.ok) return text("engine.error.engine_download", { status: response.status });
    if (!crypto.subtle) continue; // not a secure context: the checksum cannot be computed here
    const digest = hex(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
    if (digest !== sha256) return text("engine.error.engine_checksum");
  }
  return text("engine.error.engine_install");
}

// A retry: the browser may hold a damaged copy of the engine (its address never changes, so it is
// cached for long), which Pyodide would refuse again. Fetch it again from the network first, so
// the cache holds what the server sends now.
async function refreshEngine(lock, lockURL) {
  const urls = Object.values(lock.packages).map(({ file_name: fileName }) => new URL(fileName, lockURL));
  // Read to the end: the cache holds the new copy only once the whole body has come.
  const reload = async (url) => (await fetch(url, { cache: "reload" })).arrayBuffer();
  await Promise.all(urls.map((url) => reload(url).catch(() => {})));
}

async function boot({ pyodideURL, engineLockURL, attempt = 0 }) {
  const started = performance.now();
  status("loading", text("engine.stage.download"), 10);
  // The lock comes while Pyodide's script does; mark the promise handled so an early failure is
  // not reported as unhandled before we await it.
  const lockFile = fetchLock(engineLockURL);
  lockFile.catch(() => {});
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href));
  } catch (error) {
    throw new Error(text("engine.error.runtime_download"));
  }
  const lock = await lockFile;
  if (attempt > 0) await refreshEngine(lock, engineLockURL);
  const packages = Object.keys(lock.packages);
  status("loading", text("engine.stage.python"), 40);
  // Pyodide downloads the engine while it boots, checks its sha256 against the lock, installs it.
  const pyodide = await loadPyodide({
    indexURL: pyodideURL,
    lockFileContents: lock,
    packageBaseUrl: new URL(".", engineLockURL).href,
    packages,
  });
  const missing = packages.filter((name) => !(name in pyodide.loadedPackages));
  if (missing.length) throw new Error(await engineFailure(lock, engineLockURL, missing));
  status("loading", text("engine.stage.engine"), 85);
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
