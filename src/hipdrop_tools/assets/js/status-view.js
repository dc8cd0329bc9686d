// The visible state of a widget: idle (Python not started yet), loading (with progress), ready,
// or failed with a Retry button.

import { text } from "./messages.js";

// What went wrong, by phase (the catalog's status.failed.<phase>): Python never started, stopped
// later, failed one step, or this widget's own script could not be loaded or started (bridge.js).
const PHASES = new Set(["start", "running", "call", "widget"]);

export class StatusView {
  #element;
  #retry;

  constructor(root, retry) {
    this.#retry = retry;
    this.#element = root.querySelector(".hd-status");
    if (this.#element) {
      // The build's sentence is the longest the line will say before a failure: keep its height
      // (in lines, so a turned phone follows), so that the shorter states that replace it never
      // move the widget's buttons and text up and down while the page loads (layout shift).
      const lineHeight = parseFloat(getComputedStyle(this.#element).lineHeight);
      const lines = Math.round(this.#element.getBoundingClientRect().height / lineHeight);
      if (lines > 0) this.#element.style.minHeight = `${lines}lh`;
    } else {
      this.#element = document.createElement("p");
      this.#element.className = "hd-status";
      this.#element.setAttribute("role", "status");
      root.prepend(this.#element);
    }
  }

  show({ state, stage, progress, message, phase }) {
    const el = this.#element;
    el.dataset.state = state;
    el.replaceChildren();
    if (state === "idle") {
      el.append(text("status.idle"));
    } else if (state === "loading") {
      const bar = document.createElement("progress");
      bar.max = 100;
      bar.value = progress ?? 0;
      bar.setAttribute("aria-label", text("status.loading_label"));
      el.append(text("status.loading", { stage: stage || text("status.starting") }), bar);
    } else if (state === "ready") {
      el.append(text("status.ready"));
    } else if (state === "failed") {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button hd-retry";
      button.textContent = text("status.retry");
      button.addEventListener("click", () => {
        // The button goes away with the new state: keep keyboard focus on the status it updates.
        el.tabIndex = -1;
        el.focus({ preventScroll: true });
        this.#retry();
      });
      const reason = String(message || text("status.unknown_reason")).replace(/[\s.]+$/, "");
      const what = text(`status.failed.${PHASES.has(phase) ? phase : "start"}`);
      el.append(text("status.failed", { what, reason }), button);
    }
  }
}
