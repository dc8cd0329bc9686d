"""Measures 2 to 5, in Debian's Chromium driven by Playwright: bytes transferred by kind, time to
widget ready against a bare Pyodide boot (cold and warm cache), the grading round trip, and the
time until a second widget page is ready after navigating from a first.

Times come from the page itself: an init script records, per URL, the moment every widget on the
page reports ``data-hipdrop-state="ready"`` (epoch milliseconds from ``performance``)."""

import time

from playwright.sync_api import BrowserContext, Page

from counting_server import ByteLog

READY_TIMEOUT_MS = 120_000

READY_PROBE = """
(() => {
  const bench = (window.__hdBench = { readyAt: {} });
  const check = () => {
    const roots = [...document.querySelectorAll("[data-hipdrop-widget]")];
    if (!roots.length || roots.some((r) => r.dataset.hdBenchOld)) return;
    if (roots.every((r) => r.dataset.hipdropState === "ready") && !(location.href in bench.readyAt)) {
      bench.readyAt[location.href] = performance.timeOrigin + performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-hipdrop-state"],
  });
})();
"""

KINDS = ("HTML", "CSS", "JS", "Pyodide", "engine", "other", "SW precache")


def kind_of(path: str) -> str:
    if path.startswith("precache:"):
        return "SW precache"
    if "/assets/pyodide/" in path:
        return "Pyodide"
    if "/assets/hipdrop/engine/" in path or path.endswith(".whl"):
        return "engine"
    if path.endswith("/") or path.endswith(".html"):
        return "HTML"
    if path.endswith(".css"):
        return "CSS"
    if path.endswith((".js", ".mjs")):
        return "JS"
    return "other"


def by_kind(byte_log: dict[str, int]) -> dict[str, int]:
    totals = {kind: 0 for kind in KINDS}
    for path, size in byte_log.items():
        totals[kind_of(path)] += size
    totals["total"] = sum(totals[k] for k in KINDS)
    totals["Pyodide incl. precache"] = sum(
        size for path, size in byte_log.items() if kind_of(path.removeprefix("precache:")) == "Pyodide"
    )
    return totals


def new_context(browser) -> BrowserContext:
    context = browser.new_context()
    context.add_init_script(READY_PROBE)
    return context


def wait_ready(page: Page, url: str) -> float:
    """Epoch ms at which every widget of the page at ``url`` was ready."""
    handle = page.wait_for_function(
        "(url) => window.__hdBench && window.__hdBench.readyAt[url]", arg=url, timeout=READY_TIMEOUT_MS
    )
    return float(handle.json_value())


def time_to_ready(page: Page, url: str) -> float:
    """Milliseconds from the start of navigation (``performance.timeOrigin``) to widgets ready."""
    page.goto(url, wait_until="commit")
    ready = wait_ready(page, url)
    return ready - page.evaluate("performance.timeOrigin")


def transfer(browser, url: str, log: ByteLog, has_widgets: bool) -> dict:
    """Bytes by kind for one visit with an empty cache: until `load`, and in all."""
    context = new_context(browser)
    try:
        page = context.new_page()
        log.take()
        page.goto(url, wait_until="load")
        first = log.take()
        if has_widgets:
            wait_ready(page, url)
        page.wait_for_load_state("networkidle")
        time.sleep(0.5)  # a service worker may still be filling its cache
        combined = dict(first)
        for path, size in log.take().items():
            combined[path] = combined.get(path, 0) + size
        return {"url": url, "until_load": by_kind(first), "total": by_kind(combined)}
    finally:
        context.close()


def ready_cold_and_warm(browser, widget_url: str, bare_url: str, runs: int) -> dict[str, list[float]]:
    """Navigation to ready, widget page against the bare page, interleaved. Cold: a fresh context
    (empty HTTP cache) per visit. Warm: one context per page, visited once before measuring."""
    times: dict[str, list[float]] = {"widget_cold": [], "bare_cold": [], "widget_warm": [], "bare_warm": []}
    pages = {"widget": widget_url, "bare": bare_url}
    for run in range(runs):
        order = ("bare", "widget") if run % 2 == 0 else ("widget", "bare")
        for name in order:
            context = new_context(browser)
            try:
                times[f"{name}_cold"].append(time_to_ready(context.new_page(), pages[name]))
            finally:
                context.close()
    warm = {name: new_context(browser) for name in pages}
    try:
        for name, context in warm.items():
            time_to_ready(context.new_page(), pages[name])  # fills the cache
        for run in range(runs):
            order = ("bare", "widget") if run % 2 == 0 else ("widget", "bare")
            for name in order:
                page = warm[name].pages[0]
                page.goto("about:blank")
                times[f"{name}_warm"].append(time_to_ready(page, pages[name]))
    finally:
        for context in warm.values():
            context.close()
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
        page.goto(quiz_url, wait_until="commit")
        wait_ready(page, quiz_url)
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


def second_page_ready(browser, first_url: str, second_url: str, runs: int) -> list[float]:
    """Click from a ready widget page to another widget page, as a reader follows a link (Material's
    instant navigation, if on, keeps the worker): milliseconds from the click to ready."""
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(first_url, wait_until="commit")
        wait_ready(page, first_url)
        times = []
        for run in range(runs + 1):  # the first visit of the second page fills the cache
            clicked = page.evaluate(FOLLOW_LINK, second_url)
            ready = wait_ready(page, second_url)
            if run:
                times.append(ready - clicked)
            page.evaluate(FOLLOW_LINK, first_url)
            wait_ready(page, first_url)
        return times
    finally:
        context.close()
