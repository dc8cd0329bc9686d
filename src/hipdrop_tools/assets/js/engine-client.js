// The page's side of the worker protocol: requests with ids, replies as Promises, status events.
//
// No call ever hangs: a boot that takes too long, a call that gets no reply in time, and a worker
// that reports an uncaught error each end the worker, reject every pending call, and set the state
// to "failed" (phase "start" before Python was ever ready, "running" after), until restart().

import { text } from "./messages.js";
import { unsupportedMessage } from "./support.js";

const DEFAULT_TIMEOUTS = { boot: 90_000, call: 30_000 };

// The tests shorten the limits (window.hipdropTimeouts = {boot, call}, in ms) to reach the timed
// out states quickly; a reader's page never sets it.
function timeouts() {
  const asked = globalThis.hipdropTimeouts ?? {};
  const pick = (name) => (Number(asked[name]) > 0 ? Number(asked[name]) : DEFAULT_TIMEOUTS[name]);
  return { boot: pick("boot"), call: pick("call") };
}

export class EngineClient {
  #urls;
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #listeners = new Set();
  #ready = null;
  #wasReady = false;
  #starts = 0; // engine.init's attempt: 0 the first time, then one more at each restart()
  state = { state: "idle", stage: "", progress: 0, message: "" };

  constructor(urls) {
    this.#urls = urls;
  }

  // Calls listener with the state now and on every change; returns the function that stops it.
  onStatus(listener) {
    this.#listeners.add(listener);
    listener(this.state);
    return () => this.#listeners.delete(listener);
  }

  get statusListenerCount() {
    return this.#listeners.size;
  }

  #setState(state) {
    this.state = { ...this.state, ...state };
    for (const listener of this.#listeners) listener(this.state);
  }

  start() {
    if (this.#ready) return this.#ready;
    const unsupported = unsupportedMessage();
    if (unsupported) return this.#refuse(unsupported);
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.#worker = worker;
    this.#wasReady = false;
    // Only the current worker speaks: one ended by a timeout or a restart is not heard again.
    worker.onmessage = ({ data }) => {
      if (worker === this.#worker) this.#receive(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker !== this.#worker) return;
      const reason = text(this.#wasReady ? "engine.error.worker_stopped" : "engine.error.worker_no_start");
      this.#die(new Error(event.message ? text("engine.error.worker_detail", { reason, detail: event.message }) : reason));
    };
    worker.onmessageerror = () => {
      if (worker === this.#worker) this.#die(new Error(text("engine.error.unreadable")));
    };
    this.#setState({ state: "loading", stage: text("engine.stage.starting"), progress: 0, message: "", phase: "start" });
    const init = { ...this.#urls, attempt: this.#starts++ };
    this.#ready = this.#request("engine.init", init, timeouts().boot, text("engine.error.boot_timeout"))
      .then((result) => {
        if (worker === this.#worker) this.#wasReady = true;
        return result;
      })
      .catch((error) => {
        if (worker === this.#worker) this.#die(error); // not a worker already ended by restart()
        throw error;
      });
    this.#ready.catch(() => {});
    return this.#ready;
  }

  // The browser lacks a feature Pyodide needs: no worker is started, and the status names it.
  #refuse(message) {
    this.#setState({ state: "failed", message, phase: "start" });
    this.#ready = Promise.reject(new Error(message));
    this.#ready.catch(() => {});
    return this.#ready;
  }

  restart() {
    this.#end(new Error("restarted"));
    this.#ready = null;
    return this.start();
  }

  call(method, params = {}) {
    return this.start().then(() => this.#request(method, params, timeouts().call, text("engine.error.call_timeout")));
  }

  #request(method, params, timeoutMs, timeoutMessage) {
    if (!this.#worker) {
      const reason = this.state.state === "failed" ? this.state.message : text("engine.error.not_running");
      return Promise.reject(new Error(reason));
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.#pending.has(id)) return;
        this.#die(new Error(timeoutMessage));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      this.#worker.postMessage({ id, method, params });
    });
  }

  #receive(message) {
    if (message.event === "status") {
      this.#setState(message);
      return;
    }
    const waiter = this.#pending.get(message.id);
    if (!waiter) return;
    this.#pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else {
      const error = new Error(message.error?.message ?? text("engine.error.unknown"));
      error.type = message.error?.type ?? "Error";
      waiter.reject(error);
    }
  }

  // Stop the worker and reject every pending call with ``error``.
  #end(error) {
    this.#worker?.terminate();
    this.#worker = null;
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }

  // The worker is gone: every call fails at once, with this reason, until restart().
  #die(error) {
    const phase = this.#wasReady ? "running" : "start";
    this.#end(error);
    this.#ready = Promise.reject(error);
    this.#ready.catch(() => {});
    this.#setState({ state: "failed", message: error.message, phase });
  }
}
