// The handouts' page preparation, run by `hipdrop handouts` in each page before it is printed
// (hipdrop_tools.handouts.printer imports this module into the page and calls one export).
//
// It only prepares the static page for paper: chooses the print mode (print.css does the styling),
// sets the document title (Chromium writes it into the PDF), makes links work on paper, opens
// collapsed boxes and, for worksheets and keys, keeps just the one quiz. A course's own handout
// brings a module of its own (`args.script`), whose `prepare(article, args)` runs here too. For the
// booklet it hands back a page's article with its ids made unique, and puts the parts together.
//
// Every word comes from the caller (`args.words`, from the message catalog): none is written here.

const article = () => document.querySelector("article.md-content__inner") || document.querySelector("article");

function sitePath(url) {
  let path = url.pathname.replace(/^\/+/, "").replace(/index\.html$/, "");
  if (path && !path.endsWith("/") && !/\.[a-z0-9]+$/i.test(path)) path += "/";
  return path;
}

function fill(text, values) {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

function unlink(a, note) {
  const span = document.createElement("span");
  span.className = "hd-unlinked";
  span.append(...a.childNodes);
  if (note) span.append(" (" + note + ")");
  a.replaceWith(span);
}

// Links on paper: in-page anchors stay, other pages go to the public site when it has an address,
// to the right part of the booklet when the page is in it, and otherwise become plain text.
function rewriteLinks(root, ctx) {
  for (const a of [...root.querySelectorAll("a[href]")]) {
    const raw = a.getAttribute("href");
    if (a.classList.contains("headerlink")) {
      a.remove();
      continue;
    }
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) {
      const text = a.textContent.trim().replace(/\/$/, "");
      if (text === raw.replace(/\/$/, "") || text === raw.replace(/^https?:\/\//, "").replace(/\/$/, "")) {
        a.classList.add("hd-bare-url");
      }
      continue;
    }
    const path = sitePath(url);
    const anchor = decodeURIComponent(url.hash.slice(1));
    if (ctx.parts && path in ctx.parts) {
      const slug = ctx.parts[path];
      a.setAttribute("href", "#" + (anchor ? slug + "--" + anchor : slug));
      continue;
    }
    if (!ctx.parts && !ctx.isolated && path === ctx.pagePath) {
      a.setAttribute("href", anchor ? "#" + anchor : "#");
      continue;
    }
    if (ctx.publicUrl) {
      a.setAttribute("href", new URL(path + url.hash, ctx.publicUrl).href);
      a.classList.add("hd-internal");
      continue;
    }
    const page = ctx.pages[path];
    let note = "";
    if (page && a.closest(".hd-answer-key")) {
      const section = anchor && page.headings[anchor];
      note = section ? fill(ctx.words.pageSection, { page: page.title, section }) : page.title;
    }
    unlink(a, note);
  }
}

function openDetails(root) {
  for (const d of root.querySelectorAll("details")) d.open = true;
}

function dropScreenOnly(root) {
  for (const el of [...root.querySelectorAll(".hd-pdf-link, script")]) el.remove();
}

// A bottom margin at the very end of the content can push an empty page out of the printer:
// zero the bottom margin along the chain of last visible elements.
function trimEnd(root) {
  for (let el = root; el; ) {
    const shown = [...el.children].filter((c) => c.tagName !== "SCRIPT" && getComputedStyle(c).display !== "none");
    el = shown[shown.length - 1];
    if (el) el.style.setProperty("margin-bottom", "0", "important");
  }
}

// Wait for fonts and every image (lazy ones too: paper has no scrolling), at most 15 s.
async function settle() {
  for (const img of document.images) img.loading = "eager";
  const loaded = Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
  const limit = new Promise((done) => setTimeout(done, 15000));
  await Promise.race([Promise.all([document.fonts.ready, loaded]), limit]);
}

// One quiz alone, under the handout's title and a line naming the page it comes from.
function keepQuiz(main, args) {
  const quiz = main.querySelector(`[data-hipdrop-widget="quiz"][data-quiz="${CSS.escape(args.quiz)}"]`);
  if (!quiz) throw new Error(`no quiz ${args.quiz} on ${location.pathname}`);
  const h1 = document.createElement("h1");
  h1.textContent = args.title;
  const from = document.createElement("p");
  from.className = "hd-print-from";
  from.textContent = args.from;
  main.replaceChildren(h1, from, quiz);
  const form = quiz.querySelector(".hd-quiz-form");
  if (form) form.dataset.hdQuestions = String(form.querySelectorAll(".hd-question").length);
}

// A page, a worksheet, a key, or a course's own handout (args.script): ready for paper.
export async function prepare(args) {
  document.documentElement.dataset.hdPrint = args.mode;
  document.title = args.title;
  const main = article();
  if (args.mode === "worksheet" || args.mode === "key") keepQuiz(main, args);
  if (args.script) {
    const course = await import(args.script);
    await course.prepare(main, args.scriptArgs);
  }
  dropScreenOnly(main);
  openDetails(main);
  if (args.mode === "worksheet") for (const d of main.querySelectorAll(".hd-answer-key")) d.remove();
  const isolated = args.mode === "worksheet" || args.mode === "key";
  rewriteLinks(main, { pagePath: args.pagePath, publicUrl: args.publicUrl, pages: args.pages, words: args.words, isolated });
  await settle();
  trimEnd(main);
  return document.title;
}

// A page's article for the booklet: ids made unique, references to them too, links between parts.
export async function extractPart(args) {
  const main = article().cloneNode(true);
  dropScreenOnly(main);
  openDetails(main);
  const prefix = args.slug + "--";
  // Ids must be unique in the booklet: prefix each id and every reference to one.
  for (const el of main.querySelectorAll("[id]")) el.id = prefix + el.id;
  for (const el of main.querySelectorAll("label[for]")) el.htmlFor = prefix + el.htmlFor;
  for (const attr of ["aria-labelledby", "aria-describedby", "aria-controls"]) {
    for (const el of main.querySelectorAll(`[${attr}]`)) {
      el.setAttribute(attr, el.getAttribute(attr).split(/\s+/).map((id) => prefix + id).join(" "));
    }
  }
  for (const el of main.querySelectorAll("input[name]")) el.name = prefix + el.name;
  for (const el of main.querySelectorAll("use[href], use[*|href]")) {
    const ref = el.getAttribute("href") || el.getAttribute("xlink:href") || "";
    if (ref.startsWith("#")) el.setAttribute("href", "#" + prefix + ref.slice(1));
  }
  // Inline SVG paints by id too: markers, patterns, gradients, clip paths.
  for (const el of main.querySelectorAll("*")) {
    for (const attr of [...el.attributes]) {
      if (attr.value.includes("url(#")) {
        el.setAttribute(attr.name, attr.value.replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`));
      }
    }
  }
  // URLs resolved here, so the parts still load once moved into another page.
  for (const img of main.querySelectorAll("img[src]")) img.setAttribute("src", img.src);
  for (const img of main.querySelectorAll("img[srcset]")) img.removeAttribute("srcset");
  for (const img of main.querySelectorAll("img[loading]")) img.removeAttribute("loading");
  for (const obj of main.querySelectorAll("object[data]")) obj.setAttribute("data", obj.data);
  // In-page links of this part point into the part.
  for (const a of main.querySelectorAll('a[href^="#"]')) {
    const anchor = a.getAttribute("href").slice(1);
    a.setAttribute("href", anchor ? "#" + prefix + anchor : "#" + args.slug);
  }
  rewriteLinks(main, { pagePath: args.pagePath, publicUrl: args.publicUrl, pages: args.pages, words: args.words, parts: args.parts });
  return main.innerHTML;
}

// The booklet: its contents page (args.front, HTML written by the generator) and every part.
export async function composeBooklet(args) {
  document.documentElement.dataset.hdPrint = "booklet";
  document.title = args.title;
  const main = article();
  main.innerHTML =
    args.front + args.parts.map((part) => `<section class="hd-booklet-part" id="${part.slug}">${part.html}</section>`).join("");
  await settle();
  for (const part of main.querySelectorAll(".hd-booklet-part, .hd-booklet-toc")) trimEnd(part);
  return document.title;
}

// `hipdrop worksheets`: version n of a quiz's worksheet or key. Before `prepare`, each generated
// numeric question shows that version's problem, hint and key entry (HTML the engine wrote, its
// texts escaped), and a line says which version it is.
export function putVersion(args) {
  const quiz = document.querySelector(`[data-quiz="${CSS.escape(args.quiz)}"]`);
  if (!quiz) throw new Error(`no quiz ${args.quiz} on this page`);
  for (const [id, shown] of Object.entries(args.problems)) {
    const fieldset = quiz.querySelector(`fieldset[data-question="${CSS.escape(id)}"]`);
    const box = fieldset?.querySelector(".hd-problem");
    if (!box) throw new Error(`no generated question ${id} in quiz ${args.quiz}`);
    box.innerHTML = shown.problem_html;
    box.dataset.seed = String(shown.seed);
    fieldset.querySelector(".hd-hint").textContent = shown.hint;
    const key = quiz.querySelector(`.hd-key-problem[data-question="${CSS.escape(id)}"]`);
    key.innerHTML = shown.key_html;
    key.dataset.seed = String(shown.seed);
  }
  const label = () => {
    const line = document.createElement("p");
    line.className = "hd-worksheet-version";
    line.append(Object.assign(document.createElement("strong"), { textContent: args.label }));
    return line;
  };
  quiz.querySelector("form.hd-quiz-form").prepend(label());
  quiz.querySelector(".hd-answer-key > ol").before(label());
  quiz.dataset.worksheetVersion = String(args.version);
}
