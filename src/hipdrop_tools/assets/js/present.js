// Presentation mode for lessons: one section (h2) at a time in large type, for a projector.
//
// P or the "Present" button enters; arrow keys, Space, Page Up/Down (presenter clickers) move;
// Escape leaves. The address keeps the place (?present=<section id>&question=<n>), so a reload
// or a shared link opens the same slide. Nothing is copied: the page's own elements are shown or
// hidden, so widgets keep working. A quiz on a slide runs one question at a time, and the teacher
// reveals the answer (from the quiz's build-time answer key) when they choose.
//
// Type is scaled to the slide: a slide that does not fit is set smaller, down to MIN_SCALE, and one
// that still does not fit says "More below": Down, Page Down and Space scroll it before moving on
// (Right always moves on). Speaker notes (an admonition of type "notes" in the section) are
// hidden on the page and shown, with the next slide's title and a timer, in a second window:
// S, the Notes button, or Ctrl/Cmd-click on Present.
//
// Only pages with <meta name="hipdrop-present"> (set by the build hook) get the mode. Its words
// come from the page's catalog (messages.js).

import { text } from "./messages.js";

const PARAM = "present";
const QUESTION_PARAM = "question";
const START = "start";
const NEXT_KEYS = new Set(["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "ArrowUp", "PageUp"]);
// Keys that scroll a slide taller than the screen before they move to the next or previous one.
const SCROLL_DOWN_KEYS = new Set(["ArrowDown", "PageDown", " ", "Spacebar"]);
const SCROLL_UP_KEYS = new Set(["ArrowUp", "PageUp"]);
const MIN_SCALE = 0.7; // the smallest type a slide is set in before it says "More below"
const SCALE_STEP = 0.05;
const NOTES_SELECTOR = ".admonition.notes, details.notes";

let deck = null; // the current page's deck, rebuilt on every (instant) page change

// An element of this page or of the notes window (another window's Element is not instanceof ours).
function isElement(target) {
  return target?.nodeType === 1;
}

function typingInto(target) {
  if (!isElement(target)) return false;
  if (target.closest("textarea, select, [contenteditable=''], [contenteditable='true']")) return true;
  const input = target.closest("input");
  return Boolean(input && !["button", "submit", "reset"].includes(input.type));
}

// A heading's words without the permalink sign MkDocs adds.
function headingText(heading) {
  if (!heading) return "";
  const copy = heading.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return copy.textContent.trim();
}

function urlWith(params) {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  return url;
}

function button(act, key, { primary = false, shortcut = "" } = {}) {
  const el = document.createElement("button");
  el.type = "button";
  el.className = primary ? "md-button md-button--primary" : "md-button";
  el.dataset.act = act;
  if (shortcut) el.setAttribute("aria-keyshortcuts", shortcut);
  el.textContent = text(key);
  return el;
}

// A quiz on a slide, one question at a time.
class QuizRunner {
  constructor(quiz, onChange) {
    this.quiz = quiz;
    this.questions = [...quiz.querySelectorAll("fieldset.hd-question")];
    this.keys = [...quiz.querySelectorAll(".hd-answer-key > ol > li")];
    this.onChange = onChange;
    this.index = 0;
    this.controls = document.createElement("div");
    this.controls.className = "hd-present-runner";
    const count = document.createElement("p");
    count.className = "hd-present-runner__count";
    count.setAttribute("aria-live", "polite");
    this.controls.append(
      count,
      button("previous", "present.question.previous"),
      button("reveal", "present.question.reveal", { primary: true, shortcut: "r" }),
      button("next", "present.question.next"),
    );
    // The answer shows under the question it belongs to.
    this.revealBox = document.createElement("div");
    this.revealBox.className = "hd-present-reveal";
    this.revealBox.hidden = true;
    this.revealBox.setAttribute("aria-live", "polite");
    this.controls.addEventListener("click", (event) => {
      const act = event.target.closest("button")?.dataset.act;
      if (act === "previous") this.go(this.index - 1);
      else if (act === "next") this.go(this.index + 1);
      else if (act === "reveal") this.reveal();
    });
  }

  start(index) {
    this.quiz.dataset.hdRunner = "on";
    const form = this.quiz.querySelector("form") ?? this.quiz;
    form.before(this.controls);
    this.go(index);
  }

  stop() {
    delete this.quiz.dataset.hdRunner;
    this.questions.forEach((q) => delete q.dataset.hdCurrent);
    this.controls.remove();
    this.revealBox.remove();
  }

  go(index) {
    if (index < 0 || index >= this.questions.length) return false;
    this.index = index;
    this.questions.forEach((q, i) => {
      if (i === index) q.dataset.hdCurrent = "";
      else delete q.dataset.hdCurrent;
    });
    this.questions[index].after(this.revealBox);
    this.revealBox.hidden = true;
    this.revealBox.replaceChildren();
    this.controls.querySelector(".hd-present-runner__count").textContent = text("present.question.count", {
      n: index + 1,
      total: this.questions.length,
    });
    this.controls.querySelector('[data-act="previous"]').disabled = index === 0;
    this.controls.querySelector('[data-act="next"]').disabled = index === this.questions.length - 1;
    this.onChange(index);
    return true;
  }

  reveal() {
    const key = this.keys[this.index];
    const box = this.revealBox;
    box.replaceChildren();
    const heading = document.createElement("p");
    heading.append(Object.assign(document.createElement("strong"), { textContent: text("present.answer") }));
    box.append(heading);
    if (key) box.append(...[...key.childNodes].map((node) => node.cloneNode(true)));
    else box.append(text("present.no_key"));
    box.hidden = false;
    box.scrollIntoView({ block: "nearest" });
  }
}

// Speaker notes in a second window: the current slide's notes, the next slide's title and the
// time since the notes opened. The window is an empty page of this site that this script fills
// (no script runs in it); its keys drive the deck too, so the presenter can stay on that screen.
const NOTES_STYLE = `
  body { font: 1.25rem/1.5 system-ui, sans-serif; margin: 1.5rem 2rem; color: #1b1b1b; background: #fff; }
  header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; font-size: 1rem; }
  .timer { font-size: 2rem; font-variant-numeric: tabular-nums; font-weight: 700; }
  button { font: inherit; padding: 0.2rem 0.8rem; }
  h1 { font-size: 1.6rem; margin: 1rem 0 0.5rem; }
  .next { color: #444; border-top: 1px solid #ccc; padding-top: 0.5rem; }
  .none { font-style: italic; color: #444; }
  @media (prefers-color-scheme: dark) {
    body { color: #eee; background: #1b1b1b; } .next, .none { color: #ccc; }
  }
`;

function clock(ms) {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

class NotesWindow {
  constructor(deck) {
    this.deck = deck;
    this.win = null;
    this.started = 0;
    this.ticker = null;
  }

  get isOpen() {
    return Boolean(this.win && !this.win.closed);
  }

  open() {
    if (this.isOpen) {
      this.win.focus();
      return true;
    }
    const win = window.open("", "hd-speaker-notes", "popup,width=760,height=560");
    if (!win) return false; // a blocked pop-up: the deck says so
    this.win = win;
    const doc = win.document;
    doc.title = text("present.notes");
    doc.documentElement.lang = document.documentElement.lang;
    doc.head.replaceChildren(Object.assign(doc.createElement("style"), { textContent: NOTES_STYLE }));
    const timer = Object.assign(doc.createElement("span"), { className: "timer" });
    timer.setAttribute("role", "timer");
    const restart = Object.assign(doc.createElement("button"), { type: "button", textContent: text("present.timer_restart") });
    restart.addEventListener("click", () => this.restart());
    const position = Object.assign(doc.createElement("span"), { className: "position" });
    const header = doc.createElement("header");
    header.append(timer, restart, position);
    const main = doc.createElement("main");
    main.append(
      Object.assign(doc.createElement("h1"), { className: "title" }),
      Object.assign(doc.createElement("section"), { className: "notes" }),
      Object.assign(doc.createElement("p"), { className: "next" }),
    );
    doc.body.replaceChildren(header, main);
    win.addEventListener("keydown", (event) => {
      if (this.deck.onKey(event)) event.preventDefault();
    });
    this.restart();
    this.ticker = setInterval(() => this.tick(), 500);
    this.update();
    return true;
  }

  restart() {
    this.started = Date.now();
    this.tick();
  }

  tick() {
    if (!this.isOpen) {
      clearInterval(this.ticker);
      this.ticker = null;
      return;
    }
    this.win.document.querySelector(".timer").textContent = text("present.timer", { time: clock(Date.now() - this.started) });
  }

  update() {
    if (!this.isOpen) return;
    const doc = this.win.document;
    const { slides, current } = this.deck;
    const slide = slides[current];
    doc.querySelector(".position").textContent = text("present.position", { n: current + 1, total: slides.length, title: slide.title });
    doc.querySelector(".title").textContent = slide.title;
    const notes = slide.elements.flatMap((el) => (el.matches(NOTES_SELECTOR) ? [el] : [...el.querySelectorAll(NOTES_SELECTOR)]));
    const box = doc.querySelector(".notes");
    box.replaceChildren();
    for (const note of notes) {
      for (const child of note.children) {
        if (child.matches(".admonition-title, summary")) continue;
        box.append(doc.importNode(child, true));
      }
    }
    if (!box.childElementCount) box.append(Object.assign(doc.createElement("p"), { className: "none", textContent: text("present.notes_none") }));
    const next = slides[current + 1];
    doc.querySelector(".next").textContent = next ? text("present.notes_next", { title: next.title }) : text("present.notes_last");
  }

  close() {
    clearInterval(this.ticker);
    this.ticker = null;
    if (this.isOpen) this.win.close();
    this.win = null;
  }
}

class Deck {
  constructor(article) {
    this.article = article;
    this.slides = [];
    this.current = 0;
    this.runner = null;
    let slide = { key: START, title: headingText(article.querySelector("h1")), elements: [] };
    this.slides.push(slide);
    for (const child of article.children) {
      if (child.matches(".hd-qr, .hd-present-toggle, .hd-present-slot, .hd-present-bar")) continue;
      // A new slide at each h2, or at a block (a quiz, say) that opens with its own h2.
      const heading = child.tagName === "H2" ? child : child.matches("section") ? child.querySelector(":scope > h2") : null;
      if (heading) {
        slide = { key: heading.id || `section-${this.slides.length}`, title: headingText(heading), elements: [] };
        this.slides.push(slide);
      }
      slide.elements.push(child);
    }
    this.toggle = document.createElement("button");
    this.toggle.type = "button";
    this.toggle.className = "md-button hd-present-toggle";
    this.toggle.textContent = text("present.toggle");
    this.toggle.title = text("present.toggle_title");
    this.toggle.setAttribute("aria-keyshortcuts", "p");
    this.toggle.addEventListener("click", (event) => {
      this.enter(0);
      if (event.ctrlKey || event.metaKey) this.openNotes(); // Ctrl/Cmd-click: the speaker notes too
    });
    // The build keeps a place for the button under the title (hipdrop_tools.build.present_slot), so
    // that its arrival moves nothing on the page (layout shift).
    const slot = article.querySelector(".hd-present-slot");
    const h1 = article.querySelector("h1");
    if (slot) slot.append(this.toggle);
    else if (h1) h1.after(this.toggle);
    else article.prepend(this.toggle);
    this.bar = this.#makeBar();
    this.notes = new NotesWindow(this);
    // "More below": a slide taller than the screen says so, and scrolls on a click or a key.
    this.more = button("more", "present.more_below");
    this.more.className = "md-button hd-present-more";
    this.more.hidden = true;
    this.more.addEventListener("click", () => this.#scroll(1));
    this.bar.append(this.more);
    this.onScroll = () => this.#updateHint();
    this.onResize = () => this.#fit();
    this.resizes = new ResizeObserver(() => this.#updateHint());
  }

  #makeBar() {
    const bar = document.createElement("nav");
    bar.className = "hd-present-bar";
    bar.setAttribute("aria-label", text("present.bar"));
    const position = document.createElement("span");
    position.className = "hd-present-bar__position";
    position.setAttribute("aria-live", "polite");
    const qr = button("qr", "present.qr", { shortcut: "q" });
    qr.hidden = !this.article.querySelector(".hd-qr");
    bar.append(
      button("previous", "present.previous", { shortcut: "ArrowLeft" }),
      position,
      button("next", "present.next", { shortcut: "ArrowRight" }),
      qr,
      button("notes", "present.notes_button", { shortcut: "s" }),
      button("exit", "present.exit", { shortcut: "Escape" }),
    );
    bar.addEventListener("click", (event) => {
      const act = event.target.closest("button")?.dataset.act;
      if (act === "previous") this.previous();
      else if (act === "next") this.next();
      else if (act === "qr") this.toggleQr();
      else if (act === "notes") this.openNotes();
      else if (act === "exit") this.exit();
    });
    return bar;
  }

  get presenting() {
    return document.documentElement.classList.contains("hd-presenting");
  }

  indexOf(key) {
    const index = this.slides.findIndex((slide) => slide.key === key);
    return index < 0 ? 0 : index;
  }

  enter(index, question = 0) {
    document.documentElement.classList.add("hd-presenting");
    this.article.append(this.bar);
    this.article.tabIndex = -1;
    window.addEventListener("scroll", this.onScroll, { passive: true });
    window.addEventListener("resize", this.onResize);
    this.resizes.observe(this.article);
    this.show(index, question);
    this.article.focus({ preventScroll: true });
  }

  exit() {
    if (!this.presenting) return;
    const heading = this.slides[this.current].elements[0];
    this.runner?.stop();
    this.runner = null;
    document.documentElement.classList.remove("hd-presenting", "hd-present-qr");
    this.article.querySelectorAll("[data-hd-slide]").forEach((el) => {
      delete el.dataset.hdSlide;
    });
    this.bar.remove();
    this.notes.close();
    window.removeEventListener("scroll", this.onScroll);
    window.removeEventListener("resize", this.onResize);
    this.resizes.disconnect();
    this.article.style.removeProperty("--hd-slide-scale");
    history.replaceState(history.state, "", urlWith({ [PARAM]: null, [QUESTION_PARAM]: null }));
    this.toggle.focus({ preventScroll: true });
    (this.current > 0 ? heading : this.article).scrollIntoView({ block: "start" });
  }

  show(index, question = 0) {
    this.current = Math.max(0, Math.min(index, this.slides.length - 1));
    const slide = this.slides[this.current];
    this.article.querySelectorAll("[data-hd-slide]").forEach((el) => delete el.dataset.hdSlide);
    slide.elements.forEach((el) => (el.dataset.hdSlide = "current"));
    this.runner?.stop();
    this.runner = null;
    const quiz = slide.elements
      .flatMap((el) => (el.matches("[data-hipdrop-widget='quiz']") ? [el] : [...el.querySelectorAll("[data-hipdrop-widget='quiz']")]))
      .at(0);
    if (quiz && quiz.querySelector("fieldset.hd-question")) {
      this.runner = new QuizRunner(quiz, (q) => {
        this.#remember(q);
        this.#fit();
      });
      this.runner.start(question);
    } else {
      this.#remember(null);
    }
    const position = this.bar.querySelector(".hd-present-bar__position");
    position.textContent = text("present.position", { n: this.current + 1, total: this.slides.length, title: slide.title });
    this.bar.querySelector('[data-act="previous"]').disabled = this.current === 0;
    this.bar.querySelector('[data-act="next"]').disabled = this.current === this.slides.length - 1;
    document.documentElement.classList.toggle("hd-present-first", this.current === 0);
    window.scrollTo(0, 0);
    this.#fit();
    this.notes.update();
  }

  openNotes() {
    if (!this.presenting) this.enter(0);
    if (!this.notes.open()) {
      this.bar.querySelector(".hd-present-bar__position").textContent = text("present.notes_blocked");
    }
  }

  // The lowest point of the slide's content, from the top of the page.
  #contentBottom() {
    const bottoms = this.slides[this.current].elements.map((el) => el.getBoundingClientRect().bottom);
    return Math.max(0, ...bottoms) + window.scrollY;
  }

  // The height of the screen above the bar.
  #available() {
    return window.innerHeight - this.bar.offsetHeight;
  }

  #moreBelow() {
    return this.#contentBottom() > window.scrollY + this.#available() + 2;
  }

  // Type as large as the slide allows: smaller in steps until it fits, never below MIN_SCALE.
  #fit() {
    if (!this.presenting) return;
    let scale = 1;
    this.article.style.setProperty("--hd-slide-scale", "1");
    while (scale > MIN_SCALE && this.#contentBottom() > this.#available() + 1) {
      scale = Math.max(MIN_SCALE, Math.round((scale - SCALE_STEP) * 100) / 100);
      this.article.style.setProperty("--hd-slide-scale", String(scale));
    }
    this.article.dataset.hdScale = String(scale);
    this.#updateHint();
  }

  #updateHint() {
    const more = this.presenting && this.#moreBelow();
    this.more.hidden = !more;
    this.article.dataset.hdMoreBelow = String(more);
  }

  // Down (1) or up (-1) most of a screen; false when there is nothing more that way.
  #scroll(direction) {
    if (direction > 0 ? !this.#moreBelow() : window.scrollY <= 0) return false;
    window.scrollBy({ top: direction * Math.round(this.#available() * 0.85), behavior: "instant" });
    this.#updateHint();
    return true;
  }

  #remember(question) {
    const params = { [PARAM]: this.slides[this.current].key, [QUESTION_PARAM]: question === null ? null : String(question + 1) };
    history.replaceState(history.state, "", urlWith(params));
  }

  next() {
    if (this.runner && this.runner.go(this.runner.index + 1)) return;
    if (this.current < this.slides.length - 1) this.show(this.current + 1);
  }

  previous() {
    if (this.runner && this.runner.go(this.runner.index - 1)) return;
    if (this.current > 0) {
      this.show(this.current - 1);
      // Coming back into a quiz lands on its last question.
      if (this.runner) this.runner.go(this.runner.questions.length - 1);
    }
  }

  toggleQr() {
    document.documentElement.classList.toggle("hd-present-qr");
  }

  onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
    const typing = typingInto(event.target);
    if (!this.presenting) {
      if (!typing && (event.key === "p" || event.key === "P")) {
        event.preventDefault();
        this.enter(0);
        return true;
      }
      return false;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      if (document.documentElement.classList.contains("hd-present-qr")) this.toggleQr();
      else this.exit();
      return true;
    }
    // Page Up/Down always move (presenter clickers send them); other keys not while typing or
    // while choosing with arrows among a question's options.
    const onOption = isElement(event.target) && event.target.closest("input[type=radio], input[type=checkbox]");
    const clicker = event.key === "PageDown" || event.key === "PageUp";
    if (!clicker && (typing || onOption || (event.key === " " && isElement(event.target) && event.target.closest("button, a, summary")))) {
      return false;
    }
    if (NEXT_KEYS.has(event.key) && !event.shiftKey) {
      event.preventDefault();
      if (!(SCROLL_DOWN_KEYS.has(event.key) && this.#scroll(1))) this.next();
    } else if (PREVIOUS_KEYS.has(event.key) || (event.key === " " && event.shiftKey)) {
      event.preventDefault();
      const up = SCROLL_UP_KEYS.has(event.key) || event.key === " ";
      if (!(up && this.#scroll(-1))) this.previous();
    } else if (event.key === "Home") {
      event.preventDefault();
      this.show(0);
    } else if (event.key === "End") {
      event.preventDefault();
      this.show(this.slides.length - 1);
    } else if (event.key === "q" || event.key === "Q") {
      event.preventDefault();
      this.toggleQr();
    } else if (event.key === "s" || event.key === "S") {
      event.preventDefault();
      this.openNotes();
    } else if ((event.key === "r" || event.key === "R") && this.runner) {
      event.preventDefault();
      this.runner.reveal();
    } else if (event.key === "p" || event.key === "P") {
      event.preventDefault();
      this.exit();
    } else {
      return false;
    }
    return true;
  }
}

function setUp() {
  // On an instant page change the old deck's elements are gone; leave presentation first.
  if (deck && !deck.article.isConnected) {
    document.documentElement.classList.remove("hd-presenting", "hd-present-qr", "hd-present-first");
    deck = null;
  }
  const article = document.querySelector("article.md-content__inner");
  if (!document.querySelector('meta[name="hipdrop-present"]') || !article) {
    deck = null;
    return;
  }
  if (deck?.article === article) return;
  deck = new Deck(article);
  const params = new URL(location.href).searchParams;
  if (params.has(PARAM)) {
    const question = Math.max(0, Number.parseInt(params.get(QUESTION_PARAM) ?? "1", 10) - 1 || 0);
    deck.enter(deck.indexOf(params.get(PARAM)), question);
  }
}

// Capture phase on window: runs before Material's own shortcuts (which use P for "previous page");
// a key the deck handles goes no further.
window.addEventListener(
  "keydown",
  (event) => {
    if (deck?.onKey(event)) event.stopImmediatePropagation();
  },
  true,
);

if (window.document$?.subscribe) window.document$.subscribe(() => setUp());
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp, { once: true });
else setUp();
