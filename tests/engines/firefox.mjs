// Runs plans of steps (tests/engines/engine_plans.py) in Debian's Firefox ESR over WebDriver BiDi with
// puppeteer-core: one browser for the whole suite, each plan in a browser context of its own (a fresh
// profile's storage, caches and service workers). Reads one plan a line on standard input
// ({base, steps, out_dir, firefox}; the first plan's firefox is the one launched) and prints one JSON
// report a line: {version, reads, problems, error}. Ends when its input ends.
// Usage: node tests/engines/firefox.mjs < PLANS.jsonl
//
// Problems are what the page's console shows as errors, uncaught errors, failed requests (not
// those Firefox aborted itself) and HTTP errors, as puppeteer reports them over BiDi: those of the page itself (messages logged
// inside workers are not reported by this client; the test server lists their failed requests).

import path from "node:path";
import { createInterface } from "node:readline";

import puppeteer from "puppeteer-core";

const NAVIGATION_MS = 90_000; // the most a page's load may take (see run: goto)

const BROWSER_ABORTED = "NS_BINDING_ABORTED";
const KEYS = new Set(["Space", "Enter", "Tab", "ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft"]);

// The pages Firefox prefetches by itself: each page's <link rel="next"> (Material's next page),
// noted before the test leaves the page (run, "goto").
const NEXT_PAGE = "document.querySelector('link[rel=next]')?.href ?? null";
// Firefox's words when a request the service worker was answering came to nothing.
const WORKER_CUT = /^Failed to load ‘(.+?)’\. A ServiceWorker (?:intercepted the request|passed an Error Response)/;

// Watches the page; returns the function that, once the plan has run, adds the service worker's
// failures that were not the browser's own doing. ``cutOff``: the addresses Firefox gave up by
// itself (a navigation superseded them: the prefetch of the next page, a lazy image still
// loading), whose service worker answer then fails too; the page a prefetch was for is visited
// and checked in its turn.
function watch(page, problems, cutOff) {
  const workerFailures = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    const text = `${error.message ?? error}`;
    // The service worker's own install fetch (the only request with ?hipdrop-version=) cut off
    // when Firefox stops the installing worker as the test moves on: the install is retried on
    // the next page, and no page of the course is affected.
    if (/hipdrop-version=.*A ServiceWorker intercepted the request/.test(text)) return;
    const cut = WORKER_CUT.exec(text);
    if (cut) workerFailures.push({ url: cut[1], text });
    else problems.push(`page error: ${text}`);
  });
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "failed";
    // Firefox stopped the request itself: no failure of the course. A refused connection, a
    // blocked request or an HTTP error is still a problem.
    if (reason === BROWSER_ABORTED) cutOff.add(request.url());
    else problems.push(`failed request: ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`failed request: ${response.url()} (HTTP ${response.status()})`);
  });
  return () => {
    for (const { url, text } of workerFailures) if (!cutOff.has(url)) problems.push(`page error: ${text}`);
  };
}

async function choose(page, css, value) {
  await page.focus(css);
  for (let i = 0; i < 40; i += 1) {
    const now = await page.$eval(css, (select, wanted) => {
      const values = [...select.options].map((o) => o.value);
      return { at: values.indexOf(select.value), want: values.indexOf(wanted) };
    }, value);
    if (now.want < 0) throw new Error(`${css} has no option ${value}`);
    if (now.at === now.want) return;
    await page.keyboard.press(now.at < now.want ? "ArrowDown" : "ArrowUp");
  }
  throw new Error(`the arrow keys never reached ${value} in ${css}`);
}

// Until the expression is true; an exception thrown by it ends the wait at once with its message.
// Polled from here with page.evaluate (WebDriver BiDi's script.evaluate, which the page's strict
// CSP does not govern): puppeteer's waitForFunction compiles the expression inside the page,
// which that CSP refuses in Firefox ESR 140 ("blocked a JavaScript eval"). A navigation under
// way (the page's context gone for a moment) is waited out.
async function wait(page, expression, timeout) {
  const guarded = `(() => { try { return (${expression}) ? { ok: true } : false; } catch (e) { return { error: String(e?.message ?? e) }; } })()`;
  const end = Date.now() + timeout;
  for (;;) {
    const outcome = await page.evaluate(guarded).catch(() => false);
    if (outcome?.error) throw new Error(outcome.error);
    if (outcome?.ok) return;
    if (Date.now() > end) throw new Error(`Waiting failed: ${timeout} ms exceeded for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function run(page, plan, reads, cutOff) {
  for (const step of plan.steps) {
    if ("goto" in step) {
      const next = await page.evaluate(NEXT_PAGE).catch(() => null);
      if (next) cutOff.add(next);
      // The page's load event, waited for up to 90 s: on two cores shared with the rest of the suite,
      // while the service worker installs, one load once took more than puppeteer's default 30 s.
      await page.goto(new URL(step.goto, plan.base).href, { waitUntil: "load", timeout: NAVIGATION_MS });
    }
    else if ("wait" in step) await wait(page, step.wait, step.timeout ?? 30_000);
    else if ("focus" in step) await page.focus(step.focus);
    else if ("press" in step) {
      if (!KEYS.has(step.press)) throw new Error(`unknown key ${step.press}`);
      await page.keyboard.press(step.press === "Space" ? " " : step.press);
    } else if ("type" in step) await page.keyboard.type(step.type);
    else if ("choose" in step) await choose(page, ...step.choose);
    else if ("read" in step) reads[step.read[0]] = await page.evaluate(`(${step.read[1]})`);
    else if ("get" in step) await (await fetch(new URL(step.get, plan.base))).text();
    else if ("pdf" in step) {
      const file = path.join(plan.out_dir, `${step.pdf}.pdf`);
      await page.pdf({ path: file, format: "A4", printBackground: true });
      reads[step.pdf] = file;
    } else throw new Error(`unknown step ${JSON.stringify(step)}`);
  }
}

async function runPlan(browser, plan) {
  const report = { version: await browser.version(), reads: {}, problems: [], error: null };
  let context = null;
  let page = null;
  try {
    context = await browser.createBrowserContext();
    page = await context.newPage();
    const cutOff = new Set();
    const settle = watch(page, report.problems, cutOff);
    try {
      await run(page, plan, report.reads, cutOff);
    } finally {
      settle();
    }
  } catch (error) {
    report.error = `${String(error?.stack ?? error)}\nat ${page?.url()}`;
    report.reads["states at error"] = await page?.evaluate(() =>
      [...document.querySelectorAll("[data-hipdrop-widget]")].map(
        (e) => `${e.dataset.hipdropState}: ${e.querySelector(".hd-status")?.textContent ?? ""}`,
      ),
    ).catch(() => null);
  } finally {
    await context?.close().catch(() => {});
  }
  return report;
}

let browser = null;
try {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const plan = JSON.parse(line);
    browser ??= await puppeteer.launch({
      browser: "firefox",
      protocol: "webDriverBiDi",
      executablePath: plan.firefox,
      headless: true,
    });
    process.stdout.write(JSON.stringify(await runPlan(browser, plan)) + "\n");
  }
} finally {
  await browser?.close();
}
