// Guided session widget: runs the reader's program one exercise at a time, keeps the log in this
// browser, and shows what the engine decides. No rule lives here: what is due, the doses, the
// timeline, the pain rule, the stop rules, the warning signs and what comes next are all the
// engine's (hipdrop_course.engine.session); this file keeps time, moves elements and stores the
// log the engine returns. Every word comes from the widget's data (the engine's words table).
//
// Timers are computed from timestamps (Date.now() differences), never from counting ticks: a
// locked phone, a hidden tab or a slow device only delays the display, not the count.

import { watchMotion } from "../motion.js";
import { localStore, siteKey } from "../storage.js";

const STORE_NAME = "hipdrop.session-log";
const TICK_MS = 200; // display refresh only; time itself is read from the clock

function fill(template, values = {}) {
  return String(template).replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function isoToday() {
  const now = new Date(Date.now());
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function queryFields() {
  const fields = {};
  for (const [name, value] of new URLSearchParams(location.search)) {
    if (name === "exercise") continue;
    (fields[name] ??= []).push(value);
  }
  return fields;
}

// The picker's answers reach this page once, in its address; the log then keeps them with the day
// they came (a pregnancy answer is asked again after 4 weeks). They leave the address once read,
// so a reload or a bookmark does not give them again as if newly answered.
function forgetQueryFields() {
  const params = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  if (params.has("exercise")) kept.set("exercise", params.get("exercise"));
  const search = kept.toString() ? `?${kept}` : "";
  history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
}

function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

// The engine writes semantic class names; a Material page styles buttons as md-button (the
// build does this for static HTML, hipdrop_tools.mkdocs_plugin.material).
function adapt(element) {
  element.querySelectorAll(".hd-action").forEach((el) => el.classList.add("md-button"));
  element.querySelectorAll(".hd-action--primary").forEach((el) => el.classList.add("md-button--primary"));
  return element;
}

function setHtml(element, html) {
  element.innerHTML = html ?? "";
  return adapt(element);
}

function checkedValues(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
}

// The clock of one timeline: elapsed time from timestamps, paused or running.
class Clock {
  constructor() {
    this.before = 0; // ms counted before the last start
    this.since = null; // Date.now() at the last start, null while paused
  }
  get running() {
    return this.since !== null;
  }
  elapsed() {
    return this.before + (this.since === null ? 0 : Date.now() - this.since);
  }
  start() {
    if (this.since === null) this.since = Date.now();
  }
  pause() {
    this.before = this.elapsed();
    this.since = null;
  }
  jump(to) {
    this.before = to;
    if (this.since !== null) this.since = Date.now();
  }
}

// Keeps the screen on while a session runs; the browser lets go of it when the page is hidden.
class Awake {
  constructor(note, words) {
    this.lock = null;
    this.wanted = false;
    this.note = note;
    this.words = words;
  }
  async acquire() {
    this.wanted = true;
    if (!("wakeLock" in navigator) || document.visibilityState !== "visible") {
      this.note.textContent = this.words.wake_lock_off;
      return;
    }
    try {
      this.lock = await navigator.wakeLock.request("screen");
      this.lock.addEventListener("release", () => {
        this.lock = null;
      });
      this.note.textContent = this.words.wake_lock_on;
    } catch {
      this.note.textContent = this.words.wake_lock_off;
    }
  }
  release() {
    this.wanted = false;
    this.lock?.release().catch(() => {});
    this.lock = null;
  }
  returned() {
    if (this.wanted && !this.lock) this.acquire();
  }
}

export function attach(root, api) {
  const data = JSON.parse(root.querySelector("script.hd-data").textContent);
  const words = data.words;
  const w = (key, values) => fill(words[key] ?? key, values);
  const store = localStore(siteKey(data.urls.root ?? "/", STORE_NAME));
  const only = new URLSearchParams(location.search).get("exercise") ?? "";
  const $ = (selector) => root.querySelector(selector);
  const viewBox = $(".hd-session-view");
  const message = $(".hd-session-message");
  const begin = $(".hd-session-begin");
  const precheck = $("form.hd-session-precheck");
  const oneLeg = $(".hd-session-oneleg");
  const runner = $(".hd-session-runner");
  const logForm = $("form.hd-session-logform");
  const morning = $("form.hd-session-morning");
  const chartBox = $(".hd-session-chart");
  const paperBox = $(".hd-session-paper");
  const fileStatus = $(".hd-session-file-status");
  const announce = $(".hd-runner-announce");
  const speak = $("#hd-runner-speak");
  const awake = new Awake($(".hd-runner-wake"), words);
  const leave = new AbortController();

  let view = null; // the engine's last answer about today
  let log = null; // the log the engine last gave (the one kept)
  let undo = null; // the log just deleted, until the page is left
  let queue = []; // today's exercises still to do
  let current = null; // { exercise, clock, skipped, lastStep, total, ends }
  let ticker = 0;

  function common() {
    return { catalog: data.catalog, urls: data.urls, today: isoToday() };
  }

  function say(text) {
    if (!text) return;
    announce.textContent = text;
    if (speak.checked && "speechSynthesis" in window) {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = document.documentElement.lang || "en";
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(utterance);
    }
  }

  function buzz() {
    navigator.vibrate?.(120);
  }

  function showOnly(...parts) {
    for (const part of [begin, precheck, oneLeg, runner, logForm]) part.hidden = !parts.includes(part);
  }

  function problem(form, problems) {
    const box = form.querySelector(".hd-session-form-problem");
    box.textContent = problems.join(" ");
    box.hidden = problems.length === 0;
  }

  // The log is kept as the engine returned it. A write that fails says so and keeps it in memory.
  function keep(next) {
    log = next;
    if (!next) return true;
    const failed = store.write(JSON.stringify(next));
    if (failed) {
      fileStatus.replaceChildren(w(failed === "full" ? "storage_full" : "storage_blocked"));
      fileStatus.dataset.problem = failed;
      return false;
    }
    delete fileStatus.dataset.problem;
    return true;
  }

  // While the engine is asked something, the widget says so (data-busy): its view is about to
  // change (and a test waits for the view to settle before it looks).
  let asking = 0;
  async function ask(method, params) {
    asking += 1;
    root.dataset.busy = "";
    try {
      return await api.call(method, params);
    } finally {
      asking -= 1;
      if (!asking) delete root.dataset.busy;
    }
  }

  async function refreshChart() {
    if (!log) {
      chartBox.replaceChildren();
      return;
    }
    const result = await ask("session.chart", { log });
    if (result.ok) setHtml(chartBox, result.html);
  }

  function hasProgram(candidate) {
    return Boolean(candidate && (Object.keys(candidate.answers ?? {}).length || candidate.sessions?.length));
  }

  // Show the engine's view of today; ``write``: keep its log in this browser's storage too.
  function show(result, { write = true } = {}) {
    view = result;
    log = hasProgram(result.log) ? result.log : null;
    if (write && log) keep(log);
    setHtml(viewBox, result.html);
    root.dataset.state = result.state;
    morning.hidden = !result.morning;
    if (result.morning) {
      morning.reset();
      morning.querySelector(".hd-hint").textContent = result.pain_hint;
    }
    queue = result.exercises ?? [];
    begin.hidden = !(result.state === "ready" && queue.length > 0);
    const label = begin.querySelector("button");
    label.textContent = result.session ? words.continue : words.begin;
    refreshChart();
  }

  async function call(method, params) {
    try {
      return await ask(method, params);
    } catch (error) {
      message.replaceChildren(w("problem", { reason: error.message }));
      throw error;
    }
  }

  async function open() {
    const form = queryFields();
    const result = await call("session.open", { ...common(), form, stored: store.read(), only });
    if (!result.ok) {
      message.replaceChildren(result.problems.join(" "));
      return;
    }
    if (Object.keys(form).length && result.state !== "invalid") forgetQueryFields();
    if (result.stored_problem) fileStatus.replaceChildren(w("stored_bad", { reason: result.stored_problem }));
    show(result, { write: result.changed });
  }

  async function record(action, payload) {
    const result = await call("session.record", { ...common(), log, action, data: payload });
    if (!result.ok) return result;
    show(result);
    if (result.ended) {
      stopRunner();
      showOnly();
      setHtml(message, result.message);
      message.querySelector("h2")?.setAttribute("tabindex", "-1");
      message.querySelector("h2")?.focus();
    }
    return result;
  }

  // --- the warning signs before a session ------------------------------------------------

  begin.querySelector("button").addEventListener("click", () => {
    message.replaceChildren();
    precheck.reset();
    problem(precheck, []);
    showOnly(precheck);
    precheck.querySelector("input").focus();
  });

  precheck.addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = await record("start", { red_flags: checkedValues(precheck, "red_flags") });
    if (!result.ok) return problem(precheck, result.problems);
    if (result.ended) return;
    if (view.one_leg?.allowed && view.one_leg.suggested) startOneLeg(view.one_leg);
    else nextExercise();
  });

  // --- the one-leg check -----------------------------------------------------------------

  const legTimer = oneLeg.querySelector(".hd-oneleg-timer");
  const legButton = oneLeg.querySelector('[data-do="oneleg-toggle"]');
  const legSave = oneLeg.querySelector('[data-do="oneleg-next"]');
  const legPelvis = oneLeg.querySelector(".hd-oneleg-pelvis");
  let leg = null; // { sides, index, results, clock, seconds, limit }

  function legShowSide() {
    const side = leg.sides[leg.index];
    oneLeg.querySelector(".hd-oneleg-side").textContent = w("one_leg_side", { side });
    legTimer.textContent = "0";
    legButton.textContent = words.one_leg_start;
    legButton.hidden = false;
    legPelvis.hidden = true;
    legSave.hidden = true;
    leg.clock = new Clock();
    leg.seconds = null;
  }

  function startOneLeg(offer) {
    leg = { sides: offer.sides, index: 0, results: [], limit: offer.seconds };
    showOnly(oneLeg);
    legShowSide();
    oneLeg.querySelector("h3").focus();
  }

  function legTick() {
    if (!leg?.clock?.running) return;
    const seconds = Math.min(leg.limit, Math.floor(leg.clock.elapsed() / 1000));
    legTimer.textContent = String(seconds);
    if (seconds >= leg.limit) legStop();
  }

  function legStop() {
    leg.clock.pause();
    leg.seconds = Math.min(leg.limit, Math.floor(leg.clock.elapsed() / 1000));
    legTimer.textContent = String(leg.seconds);
    legButton.hidden = true;
    say(w("one_leg_held", { seconds: leg.seconds }));
    awake.release();
    buzz();
    legPelvis.hidden = false;
    legSave.hidden = false;
    legPelvis.querySelector("input:checked")?.focus() ?? legPelvis.querySelector("input").focus();
  }

  legButton.addEventListener("click", () => {
    if (leg.clock.running) return legStop();
    leg.clock.start();
    legButton.textContent = words.one_leg_stop;
    awake.acquire();
    ensureTicker();
  });

  legSave.addEventListener("click", async () => {
    const pelvis = legPelvis.querySelector("input:checked")?.value ?? "not-checked";
    leg.results.push({ side: leg.sides[leg.index], seconds: leg.seconds, pelvis });
    if (leg.index + 1 < leg.sides.length) {
      leg.index += 1;
      legShowSide();
      legButton.focus();
      return;
    }
    const result = await record("one-leg", { results: leg.results });
    if (result.ok) setHtml(message, result.message);
    leg = null;
    nextExercise();
  });

  oneLeg.querySelector('[data-do="oneleg-skip"]').addEventListener("click", () => {
    leg = null;
    awake.release();
    nextExercise();
  });

  // --- the runner --------------------------------------------------------------------------

  const toggle = runner.querySelector('[data-do="toggle"]');
  const skipRest = runner.querySelector('[data-do="skip-rest"]');

  // The exercise page's animated figure for the side being done (each page carries one figure for
  // each side, marked data-side; "" when both hips work at once), fetched once per page.
  const exercisePages = new Map();

  function exercisePage(url) {
    const address = new URL(url, location.href).href.split("#")[0];
    if (!exercisePages.has(address)) {
      exercisePages.set(
        address,
        fetch(address)
          .then((reply) => reply.text())
          .then((text) => new DOMParser().parseFromString(text, "text/html")),
      );
    }
    return exercisePages.get(address);
  }

  async function showFigure(exercise, side) {
    const box = runner.querySelector(".hd-runner-figure");
    const wanted = `${exercise.id}:${side}`;
    box.dataset.figure = wanted;
    box.replaceChildren();
    const url = data.urls.exercises?.[exercise.id];
    if (!url) return;
    try {
      const doc = await exercisePage(url);
      if (box.dataset.figure !== wanted) return; // another exercise or side came first
      const figure =
        doc.querySelector(`figure.hd-motion[data-exercise="${exercise.id}"][data-side="${side}"]`) ??
        doc.getElementById(`hd-motion-${exercise.id}`);
      if (!figure) throw new Error("no figure");
      const copy = document.importNode(figure, true);
      box.append(copy);
      watchMotion(copy);
    } catch {
      if (box.dataset.figure !== wanted) return;
      exercisePages.delete(new URL(url, location.href).href.split("#")[0]);
      const link = document.createElement("a");
      link.href = url;
      link.textContent = words.figure_link;
      box.append(words.figure_missing, " ", link);
    }
  }

  function showSideFigure(side) {
    const trained = side?.trained ?? "";
    if (current.figureSide === trained) return;
    current.figureSide = trained;
    showFigure(current.exercise, trained);
  }

  function nextExercise() {
    stopRunner();
    const exercise = queue[0];
    if (!exercise) return finish();
    const ends = [];
    let total = 0;
    for (const step of exercise.steps) {
      total += step.ms;
      ends.push(total);
    }
    current = { exercise, clock: new Clock(), skipped: 0, lastStep: -1, ends, total };
    showOnly(runner);
    const count = view.exercises.length;
    const done = count - queue.length;
    runner.querySelector(".hd-runner-count").textContent = w("exercise_of", { n: done + 1, count });
    runner.querySelector("#hd-runner-name").textContent = exercise.name;
    runner.querySelector(".hd-runner-dose").textContent = exercise.dose_text;
    const cues = runner.querySelector(".hd-runner-cues");
    cues.replaceChildren(...exercise.cues.map((cue) => Object.assign(document.createElement("li"), { textContent: cue })));
    toggle.textContent = words.start;
    showSideFigure(exercise.sides[0]);
    render();
    runner.querySelector("#hd-runner-name").focus();
  }

  function stepAt(elapsed) {
    const { ends } = current;
    let i = 0;
    while (i < ends.length && elapsed >= ends[i]) i += 1;
    return i; // ends.length: the timeline is over
  }

  // Repetitions whose last step has ended by then (a repetition with a hold ends with "out").
  function repEnds(elapsed) {
    const steps = current.exercise.steps;
    let reps = 0;
    for (let i = 0; i < steps.length && current.ends[i] <= elapsed; i += 1) {
      if (steps[i].kind === "rep" || steps[i].kind === "out") reps += 1;
    }
    return reps;
  }

  function repsCompleted(elapsed) {
    return Math.max(0, repEnds(elapsed) - current.skipped);
  }

  function render() {
    if (!current) return;
    const { exercise, clock, ends } = current;
    const elapsed = Math.min(clock.elapsed(), current.total);
    const index = stepAt(elapsed);
    if (index >= exercise.steps.length) return exerciseDone();
    const step = exercise.steps[index];
    const left = Math.ceil((ends[index] - elapsed) / 1000);
    const side = exercise.sides[step.side];
    showSideFigure(side);
    runner.querySelector(".hd-runner-side").textContent =
      exercise.sides.length > 1 ? `${w("side", { side: step.side + 1, sides: exercise.sides.length })}: ${side.text}` : side.text;
    runner.querySelector(".hd-runner-support").textContent = side.support;
    runner.querySelector(".hd-runner-kind").textContent = words[`kind.${step.kind}`];
    runner.querySelector(".hd-runner-timer").textContent = w("seconds_left", { seconds: left });
    runner.querySelector(".hd-runner-counts").textContent = step.rep
      ? w("counts", { set: step.set, sets: exercise.sets, rep: step.rep, reps: exercise.reps })
      : "";
    runner.dataset.kind = step.kind;
    skipRest.hidden = step.kind !== "rest";
    if (index !== current.lastStep) {
      current.lastStep = index;
      if (clock.running) {
        say(step.say);
        if (step.kind === "rest" || (step.rep === 1 && step.kind !== "hold" && step.kind !== "out")) buzz();
      }
    }
  }

  function ensureTicker() {
    if (ticker) return;
    ticker = setInterval(() => {
      if (current?.clock.running) render();
      if (leg?.clock?.running) legTick();
      if (!current?.clock.running && !leg?.clock?.running) {
        clearInterval(ticker);
        ticker = 0;
      }
    }, TICK_MS);
  }

  function stopRunner() {
    if (current?.clock.running) current.clock.pause();
    awake.release();
  }

  toggle.addEventListener("click", () => {
    if (!current) return;
    if (current.clock.running) {
      current.clock.pause();
      toggle.textContent = words.resume;
      say(words.paused);
      awake.release();
    } else {
      current.clock.start();
      toggle.textContent = words.pause;
      awake.acquire();
      current.lastStep = -1; // announce where the session picks up
      ensureTicker();
    }
    render();
  });

  // Jump to the end of the current step (a rest), or of the current set; reps jumped over are not done.
  function jumpTo(target) {
    current.skipped += repEnds(target) - repEnds(current.clock.elapsed());
    current.clock.jump(target);
    render();
  }

  skipRest.addEventListener("click", () => {
    const index = stepAt(current.clock.elapsed());
    if (current.exercise.steps[index]?.kind === "rest") jumpTo(current.ends[index]);
  });

  runner.querySelector('[data-do="end-set"]').addEventListener("click", () => {
    const { steps } = current.exercise;
    const index = stepAt(current.clock.elapsed());
    const step = steps[index];
    if (!step || step.kind === "rest" || step.kind === "ready") return;
    let last = index;
    while (last + 1 < steps.length && steps[last + 1].set === step.set && steps[last + 1].side === step.side && steps[last + 1].kind !== "rest") last += 1;
    jumpTo(current.ends[last]);
  });

  runner.querySelector('[data-do="stop-exercise"]').addEventListener("click", () => exerciseDone(true));

  function exerciseDone(stopped = false) {
    if (!current || current.finished) return;
    const reps = repsCompleted(Math.min(current.clock.elapsed(), current.total));
    current.finished = true;
    stopRunner();
    say(words.done_exercise);
    buzz();
    logForm.reset();
    problem(logForm, []);
    const full = current.exercise.sets * current.exercise.reps * current.exercise.sides.length;
    logForm.querySelector(`input[name="outcome"][value="${stopped ? "stopped" : reps >= full ? "as-dosed" : "fewer"}"]`).checked = true;
    logForm.querySelector('input[name="reps_done"]').value = String(reps);
    syncLogForm();
    logForm.querySelector(".hd-scale .hd-hint").textContent = view.pain_hint;
    showOnly(logForm);
    logForm.querySelector("h3").focus();
  }

  function syncLogForm() {
    const outcome = checkedValues(logForm, "outcome")[0];
    logForm.querySelector(".hd-log-stopped").hidden = outcome !== "stopped";
  }
  logForm.addEventListener("change", syncLogForm);

  logForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { exercise } = current;
    const outcome = checkedValues(logForm, "outcome")[0];
    const pain = checkedValues(logForm, "pain_during")[0];
    const entry = {
      id: exercise.id,
      family: exercise.family,
      phase: exercise.phase,
      sets: exercise.sets,
      reps: exercise.reps,
      hold_s: exercise.hold_s,
      rest_s: exercise.rest_s,
      sides: exercise.sides.length,
      outcome: outcome || null,
      reps_done: Number(logForm.querySelector('input[name="reps_done"]').value || 0),
      stopped_for: outcome === "stopped" ? checkedValues(logForm, "stopped_for")[0] ?? "" : "",
      pain_during: pain === undefined ? null : Number(pain),
      pelvis: checkedValues(logForm, "pelvis")[0] ?? "not-checked",
      walking_worse: logForm.querySelector('input[name="walking_worse"]').checked,
    };
    const signs = checkedValues(logForm, "red_flags");
    const result = await record("exercise", { entry, ...(signs.length ? { red_flags: signs } : {}) });
    if (!result.ok) return problem(logForm, result.problems);
    if (result.ended) return;
    current = null;
    setHtml(message, result.message);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = queue.length ? words.next_exercise : words.finish;
    button.addEventListener("click", () => {
      button.remove();
      if (queue.length) nextExercise();
      else finish();
    });
    message.append(button);
    showOnly();
    button.focus();
  });

  async function finish() {
    stopRunner();
    current = null;
    const result = await record("finish", {});
    if (!result.ok) return;
    showOnly();
    setHtml(message, result.message);
    begin.hidden = true;
  }

  // --- the morning after -------------------------------------------------------------------

  morning.addEventListener("submit", async (event) => {
    event.preventDefault();
    const pain = checkedValues(morning, "pain")[0];
    const result = await record("morning", { session: view.morning.session, pain: pain === undefined ? null : Number(pain) });
    if (!result.ok) return problem(morning, result.problems);
    setHtml(message, result.message);
  });

  // The reader says a physiotherapist has seen them (the overview's button, from the engine).
  viewBox.addEventListener("click", async (event) => {
    if (event.target.closest('[data-action="cleared"]')) await record("cleared", {});
  });

  // --- paper, calendar, the log file -------------------------------------------------------

  // The sheet stays chosen for paper (html[data-hd-print], the print styles show it alone) from the
  // button until the reader's next click or key press: the print dialog, and a PDF made meanwhile,
  // get the sheet; a later print of the page gets the page.
  function leavePaperMode() {
    if (document.documentElement.dataset.hdPrint?.startsWith("session-")) delete document.documentElement.dataset.hdPrint;
  }

  async function printPaper(kind) {
    if (!log) return;
    const result = await call("session.paper", { ...common(), log, kind });
    if (!result.ok) return fileStatus.replaceChildren(result.problems.join(" "));
    setHtml(paperBox, result.html);
    paperBox.dataset.kind = kind;
    document.documentElement.dataset.hdPrint = `session-${kind}`;
    fileStatus.replaceChildren(w("printing", { what: words[`paper.${kind}`] }));
    window.print();
    for (const type of ["pointerdown", "keydown"]) {
      document.addEventListener(type, leavePaperMode, { once: true, capture: true, signal: leave.signal });
    }
  }

  root.querySelector('[data-do="print-tracker"]').addEventListener("click", () => printPaper("tracker"));
  root.querySelector('[data-do="print-summary"]').addEventListener("click", () => printPaper("summary"));

  const calendarForm = $("form.hd-session-calendar");
  calendarForm.querySelector('input[name="start"]').value ||= isoToday();
  calendarForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!log) return;
    const form = new FormData(calendarForm);
    const result = await call("session.calendar", {
      ...common(), log, start: form.get("start"), time: form.get("time"), stamp: new Date(Date.now()).toISOString(),
    });
    if (!result.ok) return fileStatus.replaceChildren(result.problems.join(" "));
    download(result.text, result.filename, "text/calendar");
    fileStatus.replaceChildren(w("calendar_saved", { file: result.filename }));
  });

  root.querySelector('[data-do="export"]').addEventListener("click", async () => {
    if (!log) return;
    const result = await call("session.export", { log, today: isoToday() });
    if (!result.ok) return fileStatus.replaceChildren(result.problems.join(" "));
    download(result.text, result.filename, "application/json");
    fileStatus.replaceChildren(w("exported", { file: result.filename }));
  });

  const picker = root.querySelector("input.hd-session-import");
  root.querySelector('[data-do="import"]').addEventListener("click", () => picker.click());
  picker.addEventListener("change", async () => {
    const file = picker.files?.[0];
    picker.value = "";
    if (!file) return;
    const result = await call("session.import", { text: await file.text(), name: file.name });
    if (!result.ok) {
      const list = document.createElement("ul");
      list.append(...result.problems.map((p) => Object.assign(document.createElement("li"), { textContent: p })));
      fileStatus.replaceChildren(words.import_failed, list);
      return;
    }
    const have = (log?.sessions ?? []).filter((s) => s.exercises.length).length;
    const replaceWith = async () => {
      keep(result.log);
      fileStatus.replaceChildren(w("imported", { count: result.sessions }));
      const opened = await call("session.open", { ...common(), form: {}, stored: JSON.stringify(result.log), only });
      show(opened, { write: false });
    };
    if (!have) return replaceWith();
    const yes = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: words.import_confirm });
    const no = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: words.import_cancel });
    yes.addEventListener("click", replaceWith);
    no.addEventListener("click", () => fileStatus.replaceChildren());
    fileStatus.replaceChildren(w("import_replace", { count: have, incoming: result.sessions }), " ", yes, " ", no);
    yes.focus();
  });

  root.querySelector('[data-do="delete"]').addEventListener("click", async () => {
    undo = log;
    store.clear();
    log = null;
    stopRunner();
    showOnly();
    message.replaceChildren();
    const result = await call("session.open", { ...common(), form: {}, stored: null, only });
    show(result, { write: false });
    log = null;
    chartBox.replaceChildren();
    const back = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: words.undo });
    back.addEventListener("click", async () => {
      keep(undo);
      const opened = await call("session.open", { ...common(), form: {}, stored: JSON.stringify(undo), only });
      show(opened, { write: false });
      log = undo;
      fileStatus.replaceChildren(words.restored);
    });
    fileStatus.replaceChildren(words.deleted, " ", back);
  });

  // --- hidden pages, leaving ----------------------------------------------------------------

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    awake.returned();
    render();
    legTick();
  }, { signal: leave.signal });

  const pages = window.document$?.subscribe?.(() => {
    if (root.isConnected) return;
    stopRunner();
    clearInterval(ticker);
    leave.abort();
    pages?.unsubscribe();
  });

  open();
}
