"""After one visit the pages work with no network; once Python has run on the device (or the
reader presses "Keep this course for offline use") the widgets too; moving between pages keeps
the Python worker alive; the course can be installed as an app."""

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


@pytest.fixture
def own_server(built_site):
    """A server for this test alone, so the test can take it away."""
    server, url = serve_in_thread(built_site)
    yield server, url
    server.shutdown()
    server.server_close()




# A reader's whole set of picker answers, and the phases the progression lesson names
# (docs/lessons/progression.md, "Three phases"): the program is built in that order.
PICKER_ANSWERS = {
    "weak_side": ["right"], "pain_now": ["3"], "recent_surgery_or_fracture": ["no"],
    "single_leg_stance": ["no"], "side_plank": ["knees"], "single_leg_squat": ["no"], "goal": ["strength"],
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
    """The runtime the service worker keeps apart: Pyodide's files and the engine wheel (not the
    server's precompressed copies of them: a browser gets those in their place)."""
    files = [*(site / "assets" / "pyodide").iterdir(), *(site / "assets" / "hipdrop" / "engine").rglob("*.whl")]
    return sorted(p.name for p in files if p.suffix not in (".gz", ".br"))


def kept_runtime(page) -> list[str]:
    return sorted({u.rsplit("/", 1)[-1] for u in cached_urls(page) if "/assets/pyodide/" in u or u.endswith(".whl")})


def keep_for_offline_use(page):
    """Press "Keep this course for offline use" and wait until it says it is done; returns the
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
    button = control.get_by_role("button", name=re.compile("Keep this course for offline use"))
    button.click()
    expect(control).to_have_attribute("data-state", "kept", timeout=KEEP_TIMEOUT_MS)
    expect(control.locator(".hd-offline-state")).to_contain_text("works without a network")
    expect(button).to_be_hidden()
    return page.evaluate("() => window.hdSeen")


def test_after_keeping_the_course_pages_and_every_widget_work_with_the_network_off(context, own_server, built_site):
    server, url = own_server
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + "handouts/")
    wait_until_controlled(page)
    assert kept_runtime(page) == [], "the first visit kept the Python runtime unasked"
    seen = keep_for_offline_use(page)
    progress = [(value, top) for state, value, top in seen if state == "downloading" and value is not None]
    assert any(0 < value < top for value, top in progress), f"no progress shown: {seen[:5]}"
    assert kept_runtime(page) == runtime_files(built_site)

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
    """The precache starts once Python is up; then the runtime the page just downloaded is kept,
    taken from the HTTP cache instead of being downloaded again. (The 9.6 MB WebAssembly file is
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
        # Only the precache asks for the glossary on this visit: it came after Python's runtime.
        assert "/glossary/" in paths, "the precache did not run"
        assert paths.index("/glossary/") > paths.index("/assets/pyodide/pyodide.asm.wasm")
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
