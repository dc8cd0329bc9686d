"""A reader pays only for what they read: after one visit the pages they opened work with no
network, and nothing else was downloaded; the whole course once they press "Save this course for
offline use" (or on a later visit over Wi-Fi, pages only); the widgets once Python has run on the
device or the course was saved; moving between pages keeps the Python worker alive; the course can
be installed as an app."""

import json
import re
from urllib.parse import urlencode

import pytest
import yaml
from playwright.sync_api import expect

from hipdrop_tools.offline.serve import serve_in_thread
from support import PYODIDE_TIMEOUT_MS, ROOT, SERVICE_WORKERS, cached_urls, logging_server, python_downloads, reach, score_sentence, wait_until_controlled

pytestmark = SERVICE_WORKERS  # every test here is about the service worker

KEEP_TIMEOUT_MS = 60_000  # the runtime is about 14 MB more
# Chromium's Save-Data setting, as a page sees it.
SAVE_DATA = "Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) });"
# A connection the browser says is Wi-Fi, Save-Data off (desktop Chromium does not say).
ON_WIFI = "Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ type: 'wifi', saveData: false }) });"
LESSON = "lessons/what-is-trendelenburg/"


@pytest.fixture
def own_server(built_site):
    """A server for this test alone, so the test can take it away."""
    server, url = serve_in_thread(built_site)
    yield server, url
    server.shutdown()
    server.server_close()




# A reader's whole set of picker answers (every question the form asks), and the phases the progression lesson names
# (docs/lessons/progression.md, "Three phases"): the program is built in that order.
PICKER_ANSWERS = {
    "red_flags": ["none"], "age_16_or_over": ["yes"], "pregnancy": ["no"], "falls_or_walking_aid": ["no"],
    "weak_side": ["right"], "pain_now": ["3"], "pain_onset": ["new"], "outer_hip_pain": ["no"],
    "recent_surgery_or_fracture": ["no"], "single_leg_stance": ["yes"], "side_plank": ["knees"],
    "single_leg_squat": ["no"], "walking_worse": ["no"], "goal": ["strength"],
    "equipment": ["step", "wall", "chair"], "minutes_per_day": ["20"], "days_per_week": ["3"],
}
PHASES = ["Phase 1: Activation", "Phase 2: Strengthening", "Phase 3: Movement retraining"]


def answer_first_question_right(quiz, bank_id):
    """Tick the right option of the bank's first question and check; return the question count."""
    bank = yaml.safe_load((ROOT / "quizzes" / f"{bank_id}.yml").read_text())
    question = bank["questions"][0]
    right = next(o for o in question["options"] if o.get("correct"))
    quiz.locator(f'fieldset[data-question="{question["id"]}"] input[value="{right["id"]}"]').check()
    quiz.get_by_role("button", name="Check answers").click()
    return len(bank["questions"])


def ready(widget):
    expect(reach(widget)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    return widget




def runtime_files(site) -> list[str]:
    """The runtime the service worker keeps apart: Pyodide's files, the engine's lock and wheel (not
    the server's precompressed copies of them: a browser gets those in their place)."""
    files = [*(site / "assets" / "pyodide").iterdir(), *(site / "assets" / "hipdrop" / "engine").rglob("*.*")]
    return sorted(p.name for p in files if p.suffix not in (".gz", ".br"))


def kept_runtime(page) -> list[str]:
    return sorted({u.rsplit("/", 1)[-1] for u in cached_urls(page) if "/assets/pyodide/" in u or "/assets/hipdrop/engine/" in u})


def worker_list(site, name: str) -> list:
    return json.loads(re.search(rf"const {name} = (\[.*?\]);", (site / "sw.js").read_text(), re.S).group(1))


def course_pages(site) -> set[str]:
    """The pages a save keeps, as paths relative to the site (the home page as "")."""
    pages = {rel for rel, _ in worker_list(site, "COURSE") if rel.endswith(("/", ".html"))}
    return {"" if rel == "./" else rel for rel in pages}


def kept_pages(page, url) -> set[str]:
    """The site's pages in the offline copy, as paths relative to the site (folder addresses)."""
    return {u[len(url):].removesuffix("index.html") for u in cached_urls(page) if u.endswith(("/", ".html"))}


def wait_until_kept(page, url, path):
    """The worker has kept the page at ``path`` (offline.js asks it once the page has loaded)."""
    page.wait_for_function(
        """async (href) => {
          for (const name of await caches.keys()) if (await (await caches.open(name)).match(href)) return true;
          return false;
        }""",
        arg=url + path,
        timeout=KEEP_TIMEOUT_MS,
    )


def save_for_offline_use(page):
    """Press "Save this course for offline use" and wait until it says it is done; returns the
    states and progress values the control showed on the way."""
    control = page.locator("[data-hd-offline-keep]").first
    expect(control).to_contain_text(re.compile(r"\d+\.\d MB"))
    page.evaluate(
        """() => {
          const control = document.querySelector("[data-hd-offline-keep]");
          window.hdSeen = [];
          new MutationObserver(() => {
            const bar = control.querySelector("progress");
            window.hdSeen.push([control.dataset.state, bar.hidden ? null : bar.value, bar.max]);
          }).observe(control, { subtree: true, attributes: true, childList: true, characterData: true });
        }"""
    )
    button = control.get_by_role("button", name=re.compile(r"Save this course for offline use \(\d+\.\d MB\)"))
    button.click()
    expect(control).to_have_attribute("data-state", "kept", timeout=KEEP_TIMEOUT_MS)
    expect(control.locator(".hd-offline-state")).to_contain_text("works without a network")
    expect(button).to_be_hidden()
    return page.evaluate("() => window.hdSeen")


def test_a_first_visit_keeps_the_pages_opened_and_nothing_more(context, built_site):
    server, url, sent = logging_server(built_site)
    try:
        page = context.new_page()
        page.goto(url + LESSON + "?from=a-link")  # a query carries page state only: the page is kept
        wait_until_controlled(page)
        wait_until_kept(page, url, LESSON)
        loaded = page.evaluate("() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)")
        # The reader follows a link to a second page: kept as it passes through the worker.
        page.goto(url + "glossary/")
        wait_until_kept(page, url, "glossary/")
        shell = {"/" + rel for rel in worker_list(built_site, "FILES")}
        fetched = {path for path, _ in sent}
        extra = fetched - shell - set(loaded) - {"/" + LESSON, "/glossary/", "/sw.js"}
        assert extra == set(), f"a first visit fetched more than the pages opened and the shell: {sorted(extra)}"
        assert python_downloads(sent) == [], "a reader who only read fetched Python"
        assert kept_pages(page, url) == {LESSON, "glossary/"}
        assert kept_runtime(page) == []
    finally:
        server.shutdown()
        server.server_close()
    context.set_offline(True)
    page.goto(url + LESSON)
    expect(page.locator("h1")).to_be_visible()
    picture = page.locator('img[src$="stance-comparison.svg"]')
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), "the lesson's picture was not kept"
    page.goto(url + "glossary/")
    expect(page.locator("h1")).to_contain_text("Glossary")
    with pytest.raises(Exception):
        page.goto(url + "about/")  # never opened: not in the copy


def test_a_later_visit_over_wifi_saves_the_other_pages_but_not_python(context, built_site):
    context.add_init_script(ON_WIFI)
    server, url, sent = logging_server(built_site)
    try:
        first = context.new_page()
        first.goto(url + LESSON)
        wait_until_controlled(first)
        expect(first.locator("html")).to_have_attribute("data-hd-visit", "first")
        assert kept_pages(first, url) <= {LESSON}
        later = context.new_page()  # a new tab: a new visit
        later.goto(url + "glossary/")
        expect(later.locator("html")).to_have_attribute("data-hd-visit", "later")
        later.wait_for_function("() => document.documentElement.dataset.hdCourseSaved === 'true'", timeout=KEEP_TIMEOUT_MS)
        pages = course_pages(built_site)
        assert pages <= kept_pages(later, url)
        assert kept_runtime(later) == [] and python_downloads(sent) == []
    finally:
        server.shutdown()
        server.server_close()


def test_a_later_visit_saves_nothing_unasked_when_the_browser_does_not_say_the_connection(context, built_site):
    server, url, sent = logging_server(built_site)
    try:
        first = context.new_page()
        first.goto(url + LESSON)
        wait_until_controlled(first)
        wait_until_kept(first, url, LESSON)
        later = context.new_page()
        later.goto(url + "glossary/")
        expect(later.locator("html")).to_have_attribute("data-hd-visit", "later")
        expect(later.locator("html")).to_have_attribute("data-hd-save-unasked", "no")
        wait_until_kept(later, url, "glossary/")
        assert kept_pages(later, url) == {LESSON, "glossary/"}
        assert not [p for p, _ in sent if p == "/about/"]
    finally:
        server.shutdown()
        server.server_close()


def test_after_saving_the_course_pages_and_every_widget_work_with_the_network_off(context, own_server, built_site):
    server, url = own_server
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + "handouts/")
    wait_until_controlled(page)
    assert kept_runtime(page) == [], "the first visit kept the Python runtime unasked"
    assert "glossary/" not in kept_pages(page, url), "the first visit kept a page never opened"
    seen = save_for_offline_use(page)
    progress = [(value, top) for state, value, top in seen if state == "downloading" and value is not None]
    assert any(0 < value < top for value, top in progress), f"no progress shown: {seen[:5]}"
    assert kept_runtime(page) == runtime_files(built_site)
    pages = course_pages(built_site)
    assert pages <= kept_pages(page, url)

    # The network goes: the server stops and the browser is offline.
    server.shutdown()
    server.server_close()
    context.set_offline(True)
    with pytest.raises(Exception):
        page.request.get(url + "index.html", timeout=5_000)

    page.goto(url + "glossary/")
    expect(page.locator("h1")).to_be_visible()
    page.goto(url + "teachers/")
    expect(page.locator("h1")).to_contain_text("teachers")

    page.goto(url + "lessons/what-is-trendelenburg/")
    quiz = ready(page.locator('[data-hipdrop-widget="quiz"]').first)
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true")
    count = answer_first_question_right(quiz, "lesson-1")
    expect(quiz.locator(".hd-result")).to_have_text(score_sentence(1, count))

    page.goto(url + "lessons/mechanics/")
    lab = ready(page.locator('[data-hipdrop-widget="mechanics"]'))
    force = lab.locator(".hd-mech-numbers tr", has_text="Abductor force").locator("td")
    before = force.inner_text()
    slider = lab.get_by_role("slider", name="Trunk lean toward the stance hip")
    slider.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    expect(force).not_to_have_text(before)

    page.goto(url + "program/?" + urlencode(PICKER_ANSWERS, doseq=True))
    picker = ready(page.locator('[data-hipdrop-widget="picker"]'))
    expect(picker).to_have_attribute("data-outcome", "program")
    expect(picker.locator(".hd-program-phase h3")).to_have_text(PHASES)

    page.reload()  # a reload, too, comes from the saved copy
    expect(page.locator("h1")).to_be_visible()
    assert errors == []


def test_a_second_widget_page_reached_by_a_link_reuses_the_running_python(context, own_server):
    _, url = own_server
    page = context.new_page()
    python_workers = []
    page.on("worker", lambda w: w.url.endswith("/worker.js") and python_workers.append(w.url))
    page.goto(url + "lessons/what-is-trendelenburg/")
    wait_until_controlled(page)
    page.reload()  # from now on the service worker answers, sitemap included
    ready(page.locator('[data-hipdrop-widget="quiz"]').first)
    started = len(python_workers)
    page.evaluate("() => { window.sameDocument = true; }")
    wasm_before = page.evaluate(
        "() => performance.getEntriesByType('resource').filter(e => e.name.endsWith('pyodide.asm.wasm')).length"
    )

    page.locator('nav a[href$="lessons/mechanics/"]').first.click()
    expect(page).to_have_url(re.compile(r"lessons/mechanics/$"))
    expect(page.locator("h1")).to_contain_text("mechanics")
    for widget in page.locator("[data-hipdrop-widget]").all():
        ready(widget)
    assert page.evaluate("() => window.sameDocument") is True, "the link reloaded the page"
    assert len(python_workers) == started, "a second Python worker was started"
    wasm_after = page.evaluate(
        "() => performance.getEntriesByType('resource').filter(e => e.name.endsWith('pyodide.asm.wasm')).length"
    )
    assert wasm_after == wasm_before
    # The widgets on the new page really use that engine.
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true")
    count = answer_first_question_right(quiz, "lesson-2")
    expect(quiz.locator(".hd-result")).to_have_text(score_sentence(1, count))
    # Presentation mode is bound to the new page.
    page.keyboard.press("p")
    expect(page.locator("html")).to_have_class(re.compile(r"\bhd-presenting\b"))
    expect(page.locator("h1")).to_contain_text("mechanics")


def test_the_course_is_installable(context, own_server):
    _, url = own_server
    page = context.new_page()
    page.goto(url)
    wait_until_controlled(page)
    cdp = context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest.get("errors", []) == []
    assert '"standalone"' in manifest["data"]
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Test contexts are incognito profiles, where Chromium never offers to install; every other
    # reason (manifest, icons, service worker) would be listed here.
    assert [e for e in errors if e["errorId"] != "in-incognito"] == []


def test_a_new_version_of_the_course_replaces_the_old_cache(context, built_site, tmp_path):
    import shutil

    from hipdrop_tools.offline import service_worker as offline
    from support import ROOT

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    server, url = serve_in_thread(site)
    try:
        page = context.new_page()
        page.goto(url + "glossary/")
        wait_until_controlled(page)
        first = page.evaluate("() => caches.keys()")
        assert len(first) == 1 and first[0].startswith("hipdrop-")

        # The course changes: a page is edited and the build writes a new service worker.
        glossary = site / "glossary" / "index.html"
        glossary.write_text(glossary.read_text().replace("</h1>", " (second edition)</h1>", 1))
        template = (ROOT / "src" / "hipdrop_tools" / "assets" / offline.TEMPLATE_NAME).read_text()
        version = offline.write_service_worker(site, template)
        assert f"hipdrop-{version}" != first[0]

        # The new worker installs, deletes the old cache and takes over: wait for its
        # "activated" state change (after its activate step, clients.claim() included).
        keys = page.evaluate(
            """async () => {
              const registration = await navigator.serviceWorker.getRegistration();
              await registration.update();
              const worker = registration.installing || registration.waiting;
              if (worker) {
                await new Promise((done) => {
                  const check = () => worker.state === "activated" && done();
                  worker.addEventListener("statechange", check);
                  check();
                });
              }
              return caches.keys();
            }"""
        )
        assert keys == [f"hipdrop-{version}"], "the new version did not replace the old cache"
        page.reload()
        expect(page.locator("h1")).to_contain_text("second edition")
    finally:
        server.shutdown()
        server.server_close()


def test_on_a_first_visit_to_a_widget_page_the_runtime_is_kept_from_the_http_cache(context, built_site):
    """The worker is registered once Python is up; then the runtime the page just downloaded is
    kept, taken from the HTTP cache instead of being downloaded again. (The 9.6 MB WebAssembly file is
    the exception here: Playwright's in-memory profile does not keep an entry that large; a
    reader's disk cache does. The next test shows it downloaded once when the worker is in control.)"""
    server, url, sent = logging_server(built_site)
    try:
        page = context.new_page()
        page.goto(url + "program/")
        ready(page.locator('[data-hipdrop-widget="picker"]'))
        wait_until_controlled(page)
        page.wait_for_function("() => document.documentElement.dataset.hdRuntimeKept === 'true'", timeout=KEEP_TIMEOUT_MS)
        assert kept_runtime(page) == runtime_files(built_site)
        paths = [p for p, _ in sent]
        stdlib = [p for p, code in sent if p.endswith("/python_stdlib.zip") and code == 200]
        wheel = [p for p, code in sent if p.endswith(".whl") and code == 200]
        assert len(stdlib) == 1 and len(wheel) == 1, [s for s in sent if "pyodide" in s[0] or ".whl" in s[0]]
        # The worker came after Python's runtime, and kept this page, no other.
        assert paths.index("/sw.js") > paths.index("/assets/pyodide/pyodide.asm.wasm")
        wait_until_kept(page, url, "program/")
        assert kept_pages(page, url) == {"program/"}
        assert "/glossary/" not in paths
    finally:
        server.shutdown()
        server.server_close()


def test_a_widget_that_ran_keeps_the_runtime_downloaded_once_and_then_works_offline(context, built_site):
    server, url, sent = logging_server(built_site)
    try:
        page = context.new_page()
        page.goto(url + "glossary/")
        wait_until_controlled(page)
        assert python_downloads(sent) == [], "a page without a widget fetched Python"
        assert kept_runtime(page) == []
        page.goto(url + "lessons/mechanics/")
        ready(page.locator('[data-hipdrop-widget="mechanics"]'))
        page.wait_for_function("() => document.documentElement.dataset.hdRuntimeKept === 'true'", timeout=KEEP_TIMEOUT_MS)
        assert kept_runtime(page) == runtime_files(built_site)
        wasm = [p for p, code in sent if p.endswith("/pyodide.asm.wasm")]
        assert len(wasm) == 1, f"the WebAssembly runtime was requested {len(wasm)} times"
    finally:
        server.shutdown()
        server.server_close()
    context.set_offline(True)
    page.reload()
    lab = ready(page.locator('[data-hipdrop-widget="mechanics"]'))
    force = lab.locator(".hd-mech-numbers tr", has_text="Abductor force").locator("td")
    before = force.inner_text()
    lab.get_by_role("slider", name="Trunk lean toward the stance hip").focus()
    page.keyboard.press("ArrowRight")
    expect(force).not_to_have_text(before)


def test_with_save_data_the_runtime_is_not_kept_unasked_and_the_control_warns(context, built_site):
    context.add_init_script(SAVE_DATA)
    server, url, sent = logging_server(built_site)
    try:
        page = context.new_page()
        page.goto(url + "program/")
        ready(page.locator('[data-hipdrop-widget="picker"]'))
        wait_until_controlled(page)
        page.wait_for_timeout(2_000)
        assert kept_runtime(page) == []
        downloads = python_downloads(sent)
        assert len(downloads) == len(set(downloads)), "a runtime file was downloaded twice"
        page.goto(url + "handouts/")
        control = page.locator("[data-hd-offline-keep]")
        expect(control.locator(".hd-offline-save-data")).to_be_visible()
        expect(control.locator(".hd-offline-save-data")).to_contain_text(re.compile(r"asks to save data.*\d+\.\d MB"))
        expect(control.get_by_role("button")).to_have_text(re.compile(r"Download \d+\.\d MB anyway"))
    finally:
        server.shutdown()
        server.server_close()
