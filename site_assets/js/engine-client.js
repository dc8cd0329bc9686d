// The page's side of the worker protocol: requests with ids, replies as Promises, status events.

import { unsupportedMessage } from "./support.js";

const BOOT_TIMEOUT_MS = 90_000;

export class EngineClient {
  #urls;
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #listeners = new Set();
  #ready = null;
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
    this.#worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.#worker.onmessage = ({ data }) => this.#receive(data);
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#failAll(new Error(event.message || "the Python worker could not start"));
    };
    this.#setState({ state: "loading", stage: "Starting", progress: 0, message: "" });
    const boot = this.#request("engine.init", this.#urls);
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error("Python took too long to start")), BOOT_TIMEOUT_MS),
    );
    this.#ready = Promise.race([boot, timeout]).catch((error) => {
      this.#setState({ state: "failed", message: error.message });
      throw error;
    });
    this.#ready.catch(() => {});
    return this.#ready;
  }

  #refuse(message) {
    this.#setState({ state: "failed", message });
    this.#ready = Promise.reject(new Error(message));
    this.#ready.catch(() => {});
    return this.#ready;
  }

  restart() {
    this.#failAll(new Error("restarted"));
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = null;
    return this.start();
  }

  call(method, params = {}) {
    return this.start().then(() => this.#request(method, params));
  }

  #request(method, params) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
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
      const error = new Error(message.error?.message ?? "unknown error");
      error.type = message.error?.type ?? "Error";
      waiter.reject(error);
    }
  }

  #failAll(error) {
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
    this.#setState({ state: "failed", message: error.message });
  }
}
