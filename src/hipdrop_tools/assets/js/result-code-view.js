// The end of a graded quiz: the result code a student can show their teacher, as text and as a
// QR code (issue 26). The engine makes the code (results.code: hipdrop.quiz.result_code); this
// file only shows it. The QR code is drawn with the QR library the site serves itself (npm `qr`,
// vendored like Pyodide), as an SVG built element by element: no markup is parsed.
//
// The code carries the answers, the score and, only if the student types one, a name. Nothing is
// sent anywhere: the student shows the screen, the teacher types or scans it.

import { text } from "./messages.js";

const SVG = "http://www.w3.org/2000/svg";
const NICKNAME_MAX = 16; // hipdrop.quiz.result_code.NICKNAME_MAX_CHARS: the engine cuts there too

// A random tag for one attempt: two students with the same answers give two codes.
function newAttemptTag() {
  const [n] = crypto.getRandomValues(new Uint16Array(1));
  return n & 0x7fff;
}

// The matrix (with its quiet zone of 4 light modules) as black squares on white, whatever the palette.
function qrSvg(matrix, label) {
  const size = matrix.length;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  const quiet = document.createElementNS(SVG, "rect");
  Object.entries({ width: size, height: size, fill: "#fff" }).forEach(([k, v]) => quiet.setAttribute(k, v));
  const path = document.createElementNS(SVG, "path");
  const parts = [];
  matrix.forEach((row, y) => row.forEach((dark, x) => dark && parts.push(`M${x} ${y}h1v1h-1z`)));
  path.setAttribute("d", parts.join(""));
  path.setAttribute("fill", "#000");
  svg.append(quiet, path);
  return svg;
}

export class ResultCodeView {
  // call(method, params): the quiz's own engine call (it names the quiz's bank).
  constructor(after, call) {
    this.call = call;
    this.responses = {};
    this.attempt = newAttemptTag();
    this.request = 0;
    this.details = document.createElement("details");
    this.details.className = "hd-result-code";
    this.details.hidden = true;
    const summary = document.createElement("summary");
    summary.textContent = text("quiz.live.code_summary");
    const intro = document.createElement("p");
    intro.textContent = text("quiz.live.code_intro");
    const id = `${after.closest("[id], [aria-labelledby]")?.getAttribute("aria-labelledby") ?? "quiz"}--code-name`;
    const label = Object.assign(document.createElement("label"), { htmlFor: id, textContent: text("quiz.live.code_nickname") });
    this.nickname = Object.assign(document.createElement("input"), {
      type: "text",
      id,
      maxLength: NICKNAME_MAX,
      autocomplete: "off",
      spellcheck: false,
    });
    const name = document.createElement("p");
    name.className = "hd-code-name";
    name.append(label, this.nickname);
    this.codeLabel = Object.assign(document.createElement("p"), { className: "hd-code-label", textContent: text("quiz.live.code_label") });
    this.codeText = document.createElement("p");
    this.codeText.className = "hd-code-text";
    this.codeText.setAttribute("translate", "no");
    this.qr = document.createElement("div");
    this.qr.className = "hd-code-qr";
    this.status = document.createElement("p");
    this.status.className = "hd-code-status";
    this.status.setAttribute("role", "status");
    this.details.append(summary, intro, name, this.codeLabel, this.codeText, this.qr, this.status);
    after.after(this.details);
    this.details.addEventListener("toggle", () => this.details.open && this.refresh());
    this.nickname.addEventListener("input", () => this.refresh());
  }

  // A graded attempt: its answers are what the code carries (not what the form holds later).
  show(responses) {
    this.responses = responses;
    this.details.hidden = false;
    if (this.details.open) this.refresh();
  }

  // A new attempt (Retry, Reset): no code until it is graded, and a new attempt tag.
  hide() {
    this.details.hidden = true;
    this.details.open = false;
    this.attempt = newAttemptTag();
    this.codeText.replaceChildren();
    this.qr.replaceChildren();
  }

  async refresh() {
    const request = ++this.request; // only the latest answer is shown
    try {
      const reply = await this.call("results.code", {
        responses: this.responses,
        nickname: this.nickname.value,
        attempt: this.attempt,
      });
      const { default: encodeQR } = await import("../vendor/qr/index.js");
      if (request !== this.request) return;
      this.codeText.textContent = reply.code;
      this.qr.replaceChildren(qrSvg(encodeQR(reply.code, "raw", { ecc: "medium", border: 4 }), text("quiz.live.code_qr")));
      this.status.textContent = "";
      this.details.dataset.code = reply.code;
    } catch (error) {
      if (request !== this.request) return;
      this.codeText.replaceChildren();
      this.qr.replaceChildren();
      delete this.details.dataset.code;
      this.status.textContent = text("quiz.live.code_failed", { reason: error.message });
    }
  }
}
