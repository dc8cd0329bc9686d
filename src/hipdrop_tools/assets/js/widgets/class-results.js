// The teacher's class results (issue 26): the result codes students show, read and graded by the
// engine (results.read and results.csv: hipdrop.quiz.class_results), kept only in this browser.
//
// Codes come pasted or typed, one per line, or from the camera: the browser's own BarcodeDetector
// where it reads QR codes, else the one the site's QR library provides (npm `qr`, vendored), which
// has the same interface. This file keeps the codes the engine accepted (localStorage), asks the
// engine for the table and shows it. What a student typed (a nickname) is only ever shown as text;
// the bank's own text (prompts, options, feedback) is the course author's HTML, as on a quiz page.

import { language, text } from "../messages.js";

const STORE_KEY = "hipdrop.class-results";
const STORE_FORMAT = 1;
const SCAN_PAUSE_MS = 150; // between two looks at the camera's picture

function savedCodes() {
  try {
    const data = JSON.parse(window.localStorage.getItem(STORE_KEY) ?? "null");
    return data?.format === STORE_FORMAT && Array.isArray(data.codes) ? data.codes.filter((c) => typeof c === "string") : [];
  } catch {
    return [];
  }
}

// Returns false when the browser refuses to keep anything (blocked or full).
function saveCodes(codes) {
  try {
    if (codes.length) window.localStorage.setItem(STORE_KEY, JSON.stringify({ format: STORE_FORMAT, codes }));
    else window.localStorage.removeItem(STORE_KEY);
    return true;
  } catch {
    return false;
  }
}

function make(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

// The course author's HTML (built from the quiz bank's Markdown), as the quiz shows it.
function authored(tag, html) {
  const node = document.createElement(tag);
  node.innerHTML = html;
  return node;
}

// A table styled as the theme styles Markdown tables (no class on the table itself).
function table(head, rows) {
  const thead = make("thead", {}, make("tr", {}, ...head.map((words) => make("th", { scope: "col" }, words))));
  const tbody = make("tbody", {}, ...rows.map((cells) => make("tr", {}, ...cells.map((cell) => make("td", {}, cell)))));
  const frame = make("div", { className: "md-typeset__table" }, make("table", {}, thead, tbody));
  return make("div", { className: "md-typeset__scrollwrap" }, frame);
}

function bandsTable(quiz) {
  const most = Math.max(1, ...quiz.bands.map((band) => band.count));
  return table(
    [text("class.col.band"), text("class.col.count")],
    quiz.bands.map((band) => {
      const bar = make("span", { className: "hd-class-bar" });
      bar.style.width = `${(100 * band.count) / most}%`;
      bar.setAttribute("aria-hidden", "true");
      return [band.label, make("span", { className: "hd-class-count" }, make("span", {}, String(band.count)), bar)];
    }),
  );
}

function questionsTable(quiz) {
  return table(
    [text("class.col.question"), text("class.col.right"), text("class.col.wrong")],
    quiz.questions.map((question) => {
      const prompt = authored("div", question.prompt_html);
      (prompt.querySelector("p") ?? prompt).prepend(make("strong", {}, `${question.number}. `));
      const right = make("div", {}, text("class.right_cell", { percent: question.percent_right, right: question.right, students: quiz.students }));
      if (question.partial) right.append(make("br"), text("class.partial_cell", { partial: question.partial }));
      const wrong = make("div", { className: "hd-class-wrong" });
      if (question.wrong) {
        const choice = authored("p", question.wrong.html);
        choice.prepend(make("strong", {}, text("class.wrong_count", { count: question.wrong.count })), " ");
        wrong.append(choice, authored("div", question.wrong.feedback_html));
      } else {
        wrong.append(text("class.no_wrong"));
      }
      return [prompt, right, wrong];
    }),
  );
}

function studentsTable(quiz) {
  return table(
    [text("class.col.nickname"), text("class.col.score")],
    quiz.rows.map((row) => [
      // A nickname is the student's own text: shown as text, whatever it holds.
      make("span", { className: "hd-class-nickname", textContent: row.nickname || text("class.no_nickname") }),
      text("class.score_cell", { score: row.score, max: row.max_score, percent: row.percent }),
    ]),
  );
}

function quizSection(quiz) {
  const facts = text(quiz.students === 1 ? "class.quiz_facts_one" : "class.quiz_facts", {
    students: quiz.students,
    mean: quiz.mean_percent,
    version: quiz.version,
  });
  return make(
    "section",
    { className: "hd-class-quiz" },
    make("h3", {}, quiz.title),
    make("p", { className: "hd-class-facts" }, facts),
    make("h4", {}, text("class.distribution")),
    bandsTable(quiz),
    make("h4", {}, text("class.questions")),
    questionsTable(quiz),
    make("div", { className: "hd-class-students" }, make("h4", {}, text("class.rows")), studentsTable(quiz)),
  );
}

// The camera's QR reader: the browser's own where it reads QR codes, else the vendored library's.
async function qrDetector() {
  if ("BarcodeDetector" in window) {
    const formats = await window.BarcodeDetector.getSupportedFormats().catch(() => []);
    if (formats.includes("qr_code")) return new window.BarcodeDetector({ formats: ["qr_code"] });
  }
  const { BarcodeDetector } = await import("../../vendor/qr/decode.js");
  return new BarcodeDetector({ formats: ["qr_code"] });
}

export function attach(root, api) {
  const { banks } = JSON.parse(root.querySelector("script.hd-data").textContent);
  const box = root.querySelector(".hd-class-codes");
  const notes = root.querySelector(".hd-class-notes");
  const tableBox = root.querySelector(".hd-class-table");
  const camera = root.querySelector(".hd-class-camera");
  const video = camera.querySelector("video");
  const buttons = Object.fromEntries(
    ["add", "scan", "stop", "project", "csv", "delete"].map((kind) => [kind, root.querySelector(`.hd-class-${kind}`)]),
  );
  let codes = savedCodes();
  let stream = null;
  let storeRefused = false;

  // The banks go to the worker once (quiz.load); a worker started afresh (Retry) gets them again.
  let bankKeys = null;
  function loadBanks() {
    bankKeys ??= Promise.all(banks.map((bank) => api.call("quiz.load", { bank }).then((reply) => reply.bank_key)));
    bankKeys.catch(() => (bankKeys = null));
    return bankKeys;
  }
  async function call(method, lines) {
    const params = async () => ({ bank_keys: await loadBanks(), codes: lines, language: language() });
    try {
      return await api.call(method, await params());
    } catch (error) {
      if (error.type !== "UnknownBank") throw error;
      bankKeys = null;
      return api.call(method, await params());
    }
  }

  function keep(next) {
    codes = next;
    if (!saveCodes(codes)) storeRefused = true;
  }

  function note(...lines) {
    notes.replaceChildren(...lines.filter(Boolean).map((line) => (typeof line === "string" ? make("p", {}, line) : line)));
    if (storeRefused) notes.append(make("p", {}, text("class.store_blocked")));
  }

  function refusals(list, offset) {
    if (!list.length) return null;
    const items = list.map((refusal) => {
      const where = refusal.line > offset ? text("class.refused_line", { line: refusal.line - offset, text: refusal.text }) : refusal.text;
      return make("li", { className: "hd-class-refusal" }, make("strong", {}, where), " ", refusal.message);
    });
    return make("div", { className: "hd-class-refused" }, make("p", {}, make("strong", {}, text("class.refused_heading"))), make("ul", {}, ...items));
  }

  function show(result) {
    root.dataset.students = String(result.accepted.length);
    if (!result.quizzes.length) {
      tableBox.replaceChildren(make("p", { className: "hd-class-empty" }, text("class.empty")));
    } else {
      tableBox.replaceChildren(...result.quizzes.map(quizSection));
    }
    buttons.csv.hidden = buttons.project.hidden = buttons.delete.hidden = codes.length === 0;
  }

  // Adds the lines' codes that the engine accepts; says what was added and why others were not.
  async function add(lines) {
    const before = codes;
    const result = await call("results.read", [...before, ...lines]);
    const known = new Set(before);
    const added = result.accepted.filter((code) => !known.has(code));
    keep([...before, ...added]);
    show(result);
    const refused = result.refused.filter((refusal) => refusal.line > before.length);
    return { added, refused, result, offset: before.length };
  }

  function addedNote(count) {
    return count === 0 ? text("class.added_none") : count === 1 ? text("class.added_one") : text("class.added_many", { count });
  }

  buttons.add.addEventListener("click", async () => {
    const lines = box.value.split(/\r?\n/);
    buttons.add.disabled = true;
    try {
      const { added, refused, offset } = await add(lines);
      box.value = refused.map((refusal) => refusal.text).join("\n"); // the ones to correct stay in the box
      note(addedNote(added.length), refusals(refused, offset));
    } catch (error) {
      note(text("class.read_failed", { reason: error.message }));
    } finally {
      buttons.add.disabled = false;
    }
  });

  function stopCamera() {
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
    camera.hidden = true;
    buttons.stop.hidden = true;
    buttons.scan.hidden = false;
    delete root.dataset.scanning;
  }

  function whoWasAdded(result, code) {
    for (const quiz of result.quizzes) {
      const row = quiz.rows.find((r) => r.code === code);
      if (row) return text("class.scan.added", { name: row.nickname || text("class.no_nickname"), percent: row.percent });
    }
    return text("class.added_one");
  }

  async function scanLoop(detector) {
    const seen = new Set();
    while (stream && root.isConnected) {
      let found = [];
      try {
        found = await detector.detect(video);
      } catch {
        found = []; // a frame that could not be read: look at the next one
      }
      for (const { rawValue } of found) {
        if (!rawValue || seen.has(rawValue)) continue;
        seen.add(rawValue);
        try {
          const { added, refused, result, offset } = await add([rawValue]);
          note(added.length ? whoWasAdded(result, added[0]) : null, refusals(refused, offset));
        } catch (error) {
          note(text("class.read_failed", { reason: error.message }));
        }
      }
      await new Promise((wake) => setTimeout(wake, SCAN_PAUSE_MS));
    }
    if (!root.isConnected) stopCamera(); // the page changed: let go of the camera
  }

  buttons.scan.addEventListener("click", async () => {
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error("navigator.mediaDevices");
      const detector = await qrDetector();
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      video.srcObject = stream;
      camera.hidden = false;
      buttons.scan.hidden = true;
      buttons.stop.hidden = false;
      await video.play();
      root.dataset.scanning = "true";
      note(text("class.scan.looking"));
      buttons.stop.focus();
      scanLoop(detector);
    } catch (error) {
      stopCamera();
      note(text("class.scan.no_camera", { reason: error.message || error.name }));
    }
  });

  buttons.stop.addEventListener("click", () => {
    stopCamera();
    buttons.scan.focus();
  });

  // On the projector: the class as a whole in large type, no names; Escape or the button leaves.
  function project(on) {
    document.documentElement.classList.toggle("hd-class-projecting", on);
    root.dataset.projected = String(on);
    buttons.project.textContent = text(on ? "class.project_exit" : "class.project");
    buttons.project.setAttribute("aria-pressed", String(on));
    if (on) root.scrollIntoView({ block: "start" });
    buttons.project.focus();
  }
  buttons.project.addEventListener("click", () => project(root.dataset.projected !== "true"));
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && root.dataset.projected === "true") project(false);
  });

  buttons.csv.addEventListener("click", async () => {
    try {
      const { csv } = await call("results.csv", codes);
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = make("a", { href: url, download: text("class.csv_file") });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      note(text("class.read_failed", { reason: error.message }));
    }
  });

  buttons.delete.addEventListener("click", async () => {
    if (!window.confirm(text("class.delete_confirm"))) return;
    stopCamera();
    project(false);
    keep([]);
    show({ accepted: [], quizzes: [] });
    box.value = "";
    note(text("class.deleted"));
    box.focus();
  });

  buttons.add.hidden = false;
  buttons.scan.hidden = false;
  root.dataset.classReady = "loading";
  (async () => {
    try {
      const result = await call("results.read", codes);
      show(result);
      // Kept codes the engine no longer reads (the course has changed since) are said, not dropped.
      if (result.refused.length) note(refusals(result.refused, codes.length));
    } catch (error) {
      note(text("class.read_failed", { reason: error.message }));
    } finally {
      root.dataset.classReady = "true";
    }
  })();
}
