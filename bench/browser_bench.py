"""The measures taken in Debian's Chromium driven by Playwright, on the site served by the
project's own server: bytes for reading a lesson (service worker included), time from reaching a
quiz to its first feedback, the grading round trip, and the time until a second widget page is
ready after following a link (widget ready against a bare Pyodide boot: bench/boot.py).

Times come from the page itself: an init script records, per URL and widget kind, the moment
every widget of that kind reports ``data-hipdrop-state="ready"`` (epoch milliseconds)."""

import time

from counting_server import ByteLog, Sent
from playwright.sync_api import BrowserContext, Page

READY_TIMEOUT_MS = 120_000

READY_PROBE = """
(() => {
  const bench = (window.__hdBench = { readyAt: {}, feedbackAt: null });
  const check = () => {
    const roots = [...document.querySelectorAll("[data-hipdrop-widget]")];
    if (!roots.length || roots.some((r) => r.dataset.hdBenchOld)) return;
    for (const kind of new Set(roots.map((r) => r.dataset.hipdropWidget))) {
      const key = location.href + "#" + kind;
      const ofKind = roots.filter((r) => r.dataset.hipdropWidget === kind);
      if (ofKind.every((r) => r.dataset.hipdropState === "ready") && !(key in bench.readyAt)) {
        bench.readyAt[key] = performance.timeOrigin + performance.now();
      }
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-hipdrop-state"],
  });
})();
"""

KINDS = ("html", "css", "js", "json", "wasm", "other")
EXTENSIONS = {".html": "html", ".css": "css", ".js": "js", ".mjs": "js", ".json": "json",
              ".webmanifest": "json", ".wasm": "wasm"}


def kind_of(path: str) -> str:
    path = path.removeprefix("precache:")
    if path.endswith("/"):
        return "html"
    name = path.rsplit("/", 1)[-1]
    return EXTENSIONS.get(name[name.rfind("."):], "other") if "." in name else "other"


MEASURES = ("raw", "served", "gzip")


def by_kind(log: dict[str, Sent]) -> dict:
    """Bytes raw, as served and gzipped (level 6), by kind; the Pyodide runtime's and the service
    worker's share."""
    sums = {measure: dict.fromkeys(KINDS, 0) for measure in MEASURES}
    pyodide = dict.fromkeys(MEASURES, 0)
    service_worker = dict.fromkeys(MEASURES, 0)
    for path, sent in log.items():
        for measure in MEASURES:
            size = getattr(sent, measure)
            sums[measure][kind_of(path)] += size
            if "/assets/pyodide/" in path:
                pyodide[measure] += size
            if path.startswith("precache:"):
                service_worker[measure] += size
    for measure in MEASURES:
        sums[measure]["total"] = sum(sums[measure][k] for k in KINDS)
    largest = sorted(log.items(), key=lambda item: -item[1].gzip)[:8]
    return {**sums, "pyodide": pyodide, "service_worker": service_worker,
            "responses": sum(s.responses for s in log.values()),
            "service_worker_responses": sum(s.responses for p, s in log.items() if p.startswith("precache:")),
            "largest": [{"path": p, "raw": s.raw, "served": s.served, "gzip": s.gzip} for p, s in largest]}


def new_context(browser) -> BrowserContext:
    context = browser.new_context()
    context.add_init_script(READY_PROBE)
    return context


def wait_ready(page: Page, url: str, kind: str) -> float:
    """Epoch ms at which every widget of ``kind`` on the page at ``url`` was ready."""
    handle = page.wait_for_function(
        "(key) => window.__hdBench && window.__hdBench.readyAt[key]", arg=f"{url}#{kind}", timeout=READY_TIMEOUT_MS
    )
    return float(handle.json_value())


def reach(page: Page, kind: str) -> None:
    """Bring the first widget of ``kind`` into view, as a reader scrolling to it would."""
    page.locator(f'[data-hipdrop-widget="{kind}"]').first.scroll_into_view_if_needed()


def wait_quiet(log: ByteLog, quiet_s: float = 2.0, limit_s: float = 90.0) -> None:
    """Wait until the server has sent nothing for ``quiet_s`` (the service worker included)."""
    started = last_change = time.monotonic()
    seen = log.count()
    while time.monotonic() - last_change < quiet_s and time.monotonic() - started < limit_s:
        time.sleep(0.25)
        if log.count() != seen:
            seen, last_change = log.count(), time.monotonic()


def first_visit(browser, url: str, log: ByteLog, window_s: float = 30.0) -> dict:
    """A new reader opens ``url`` with an empty cache and reads without reaching a widget: every
    request the page and its service worker make in the first ``window_s`` seconds, by kind, raw,
    as served and gzipped at level 6 (as a plain static server sends them)."""
    context = new_context(browser)
    try:
        page = context.new_page()
        log.take()
        started = time.monotonic()
        page.goto(url, wait_until="load")
        time.sleep(max(0.0, window_s - (time.monotonic() - started)))
        return {"url": url, "window_s": window_s, **by_kind(log.take())}
    finally:
        context.close()


def reading_bytes(browser, url: str, log: ByteLog) -> dict:
    """One visit with an empty cache, reading the first screen only (no widget reached): what
    the page and its service worker fetch until `load`, and in all once the network is quiet."""
    context = new_context(browser)
    try:
        page = context.new_page()
        log.take()
        page.goto(url, wait_until="load")
        until_load = log.take()
        page.evaluate("""() => navigator.serviceWorker && Promise.race([
            navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 15000))])""")
        wait_quiet(log)
        combined = dict(until_load)
        for path, sent in log.take().items():
            earlier = combined.get(path, Sent())
            combined[path] = Sent(earlier.raw + sent.raw, earlier.served + sent.served, earlier.responses + sent.responses,
                                  earlier.gzip + sent.gzip)
        return {"url": url, "until_load": by_kind(until_load), "total": by_kind(combined)}
    finally:
        context.close()


REACHED = """
async ([mode, screenMs]) => {
  const quiz = document.querySelector('[data-hipdrop-widget="quiz"]');
  const inView = () => quiz.getBoundingClientRect().top < innerHeight;
  if (mode === "jump") quiz.scrollIntoView();
  while (!inView()) {
    scrollBy(0, innerHeight / 2);
    await new Promise((r) => setTimeout(r, screenMs / 2));
  }
  const reached = performance.timeOrigin + performance.now();
  const form = quiz.querySelector("form");
  new MutationObserver((_, observer) => {
    const result = form.querySelector(".hd-result");
    if ((result && result.textContent.trim()) || form.querySelector("[data-verdict]")) {
      window.__hdBench.feedbackAt = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  }).observe(form, { subtree: true, childList: true, characterData: true, attributes: true });
  return reached;
}
"""

ANSWER_ALL = """
() => {
  for (const fieldset of document.querySelectorAll('[data-hipdrop-widget="quiz"] fieldset[data-question]')) {
    const choice = fieldset.querySelector('input[type="radio"], input[type="checkbox"]');
    if (choice && !choice.checked) choice.click();
    for (const select of fieldset.querySelectorAll("select")) {
      if (select.options.length > 1) { select.selectedIndex = 1; select.dispatchEvent(new Event("change", { bubbles: true })); }
    }
  }
}
"""


CHECK_AGAIN = """
async () => {
  const quiz = document.querySelector('[data-hipdrop-widget="quiz"]');
  const result = quiz.querySelector(".hd-result");
  result.textContent = "";
  const shown = new Promise((done) => new MutationObserver((_, observer) => {
    if (result.textContent.trim()) { observer.disconnect(); done(performance.now()); }
  }).observe(result, { subtree: true, childList: true, characterData: true }));
  const clicked = performance.now();
  quiz.querySelector(".hd-submit").click();
  return (await shown) - clicked;
}
"""


def quiz_feedback(browser, url: str, mode: str, screen_ms: int) -> tuple[float, float]:
    """A reader opens the lesson, reads down to its quiz (``scroll``: half a screen every
    ``screen_ms / 2`` ms; ``jump``: straight there, as a link to the quiz does), answers as soon
    as the quiz offers its "Check answers" button and checks: ms from the quiz entering the
    viewport to the first feedback the quiz shows; then, Python being up, checks again: ms from
    the click to the feedback."""
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        reached = page.evaluate(REACHED, [mode, screen_ms])
        submit = page.locator('[data-hipdrop-widget="quiz"] .hd-submit').first
        submit.wait_for(state="visible", timeout=READY_TIMEOUT_MS)
        page.evaluate(ANSWER_ALL)
        submit.click(timeout=READY_TIMEOUT_MS)
        feedback = page.wait_for_function("() => window.__hdBench.feedbackAt", timeout=READY_TIMEOUT_MS)
        first = float(feedback.json_value()) - reached
        return first, float(page.evaluate(CHECK_AGAIN))
    finally:
        context.close()


def quiz_feedback_runs(browser, url: str, runs: int, screen_ms: int) -> dict[str, list[float]]:
    """Cold (reached by scrolling, reached by a jump) and warm (checked again, Python up)."""
    times: dict[str, list[float]] = {"scroll": [], "jump": [], "warm": []}
    for run in range(runs):
        for mode in (("scroll", "jump") if run % 2 == 0 else ("jump", "scroll")):
            first, again = quiz_feedback(browser, url, mode, screen_ms)
            times[mode].append(first)
            times["warm"].append(again)
    return times


GRADE_LOOP = """
async ([warmup, runs]) => {
  const root = document.querySelector('[data-hipdrop-widget="quiz"]');
  const data = root.querySelector("script.hd-data") ?? root.querySelector("template[data-hd-data]")?.content.querySelector("script");
  const bank = JSON.parse(data.textContent);
  const responses = {};
  for (const q of bank.questions ?? []) if (q.options?.length) responses[q.id] = [q.options[0].id];
  const params = { bank, responses };
  await window.hipdrop.call("quiz.grade", params);  // the reply must be a grading, not an error
  for (let i = 0; i < warmup; i++) await window.hipdrop.call("quiz.grade", params);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await window.hipdrop.call("quiz.grade", params);
    times.push(performance.now() - started);
  }
  return times;
}
"""


def grading_round_trips(browser, quiz_url: str, runs: int) -> list[float]:
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(quiz_url, wait_until="load")
        reach(page, "quiz")
        wait_ready(page, quiz_url, "quiz")
        return page.evaluate(GRADE_LOOP, [10, runs])
    finally:
        context.close()


FOLLOW_LINK = """
(url) => {
  document.querySelectorAll("[data-hipdrop-widget]").forEach((r) => (r.dataset.hdBenchOld = "1"));
  window.__hdBench.readyAt = {};
  const link = document.createElement("a");
  link.href = url;
  document.querySelector(".md-content, main, body").append(link);
  const clicked = performance.timeOrigin + performance.now();
  link.click();
  return clicked;
}
"""


def second_page_ready(browser, first: tuple[str, str], second: tuple[str, str], runs: int) -> list[float]:
    """Click from a ready widget page to another widget page, as a reader follows a link (Material's
    instant navigation, if on, keeps the worker) and scrolls to its widget: milliseconds from the
    click to ready. Each page is a (URL, widget kind) pair."""
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(first[0], wait_until="commit")
        wait_ready(page, *first)
        times = []
        for run in range(runs + 1):  # the first visit of the second page fills the cache
            clicked = page.evaluate(FOLLOW_LINK, second[0])
            page.locator(f'[data-hipdrop-widget="{second[1]}"]:not([data-hd-bench-old])').first.scroll_into_view_if_needed()
            ready = wait_ready(page, *second)
            if run:
                times.append(ready - clicked)
            page.evaluate(FOLLOW_LINK, first[0])
            page.locator(f'[data-hipdrop-widget="{first[1]}"]:not([data-hd-bench-old])').first.scroll_into_view_if_needed()
            wait_ready(page, *first)
        return times
    finally:
        context.close()
