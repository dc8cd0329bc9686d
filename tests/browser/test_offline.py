"""After one visit the course works with no network, widgets included; moving between pages keeps
the Python worker alive; the course can be installed as an app."""

import re
from urllib.parse import urlencode

import pytest
import yaml
from playwright.sync_api import expect

from hipdrop_tools.serve import serve_in_thread
from support import PYODIDE_TIMEOUT_MS, ROOT, score_sentence

INSTALL_TIMEOUT_MS = 60_000  # the precache is about 17 MB, read from a local server


@pytest.fixture
def own_server(built_site):
    """A server for this test alone, so the test can take it away."""
    server, url = serve_in_thread(built_site)
    yield server, url
    server.shutdown()
    server.server_close()


def wait_until_controlled(page):
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=INSTALL_TIMEOUT_MS)


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
    expect(widget).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    return widget


def test_after_one_visit_pages_and_every_widget_work_with_the_network_off(context, own_server):
    server, url = own_server
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    wait_until_controlled(page)

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
    expect(quiz).to_have_attribute("data-quiz-ready", "true")
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
    expect(quiz).to_have_attribute("data-quiz-ready", "true")
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

    from hipdrop_tools import offline
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


def test_on_a_widget_page_the_precache_waits_for_python_and_reuses_its_downloads(context, built_site):
    """The precache starts once Python is up, and takes the runtime the page just downloaded from
    the HTTP cache instead of downloading it again. (The 9.6 MB WebAssembly file is the exception
    here: Playwright's in-memory profile does not keep an entry that large; a reader's disk cache does.)"""
    import functools
    import http.server
    import threading

    from hipdrop_tools.serve import SiteHandler

    sent = []

    class CountingHandler(SiteHandler):
        def log_request(self, code="-", size="-"):
            sent.append((self.path.split("?")[0], int(code) if str(code).isdigit() else 0))

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(CountingHandler, directory=str(built_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        page = context.new_page()
        page.goto(url + "program/")
        ready(page.locator('[data-hipdrop-widget="picker"]'))
        wait_until_controlled(page)
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
