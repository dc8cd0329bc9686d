// The visible state of a widget: loading (with progress), ready, or failed with a Retry button.

const READY_TEXT = "Ready. Python runs in your browser; nothing you enter leaves this device.";
// What went wrong, by phase: Python never started, stopped later, failed one step, or this
// widget's own script could not be loaded or started (bridge.js).
const FAILED_TEXT = {
  start: "Python could not start in this browser",
  running: "Python stopped working in this browser",
  call: "Python could not finish this step",
  widget: "This part of the page could not be started",
};

export class StatusView {
  #element;
  #retry;

  constructor(root, retry) {
    this.#retry = retry;
    this.#element = root.querySelector(".hd-status");
    if (!this.#element) {
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
    if (state === "loading" || state === "idle") {
      const bar = document.createElement("progress");
      bar.max = 100;
      bar.value = progress ?? 0;
      bar.setAttribute("aria-label", "Loading Python");
      el.append(`Loading Python in your browser: ${stage || "starting"}… `, bar);
    } else if (state === "ready") {
      el.append(READY_TEXT);
    } else if (state === "failed") {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button hd-retry";
      button.textContent = "Retry";
      button.addEventListener("click", () => {
        // The button goes away with the new state: keep keyboard focus on the status it updates.
        el.tabIndex = -1;
        el.focus({ preventScroll: true });
        this.#retry();
      });
      const reason = String(message || "unknown reason").replace(/[\s.]+$/, "");
      el.append(
        `${FAILED_TEXT[phase] ?? FAILED_TEXT.start}: ${reason}. ` +
          "You can still read and print this page. ",
        button,
      );
    }
  }
}
