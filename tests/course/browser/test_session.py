"""The guided session in the browser: a reader takes a program from the picker to a guided session,
logs it, sees the chart, prints the tracker and the summary, exports the log and opens it in a new
browser, all offline; timers run on Playwright's controlled clock (never by sleeping), and a
locked phone (time passing with no timer firing) loses no time. Also: a keyboard-only session, a
warning sign that ends one, a full storage and a corrupt file that change nothing, and axe in both
palettes on the session's states."""

import datetime
import io
import json
import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from a11y_audit import PALETTE_TOGGLE, prepare, run_axe, scheme, wait_for_stillness
from hipdrop_tools.offline.serve import serve_in_thread
from storage_refusal import FULL
from support import PYODIDE_TIMEOUT_MS, SERVICE_WORKERS, reach, wait_until_controlled

pytestmark = pytest.mark.timeout(600)

KEEP_TIMEOUT_MS = 60_000
# Strength goal, right side weak, 3 days a week: phase 1 is the hip dip and raise (2 sets of 10).
ANSWERS = {
    "red_flags": ["none"], "age_16_or_over": ["yes"], "pregnancy": ["no"], "falls_or_walking_aid": ["no"],
    "weak_side": ["right"], "pain_now": ["3"], "pain_onset": ["new"], "outer_hip_pain": ["no"],
    "recent_surgery_or_fracture": ["no"], "single_leg_stance": ["yes"], "side_plank": ["knees"],
    "single_leg_squat": ["no"], "walking_worse": ["no"], "goal": ["strength"],
    "equipment": ["step", "wall", "chair", "mirror"], "minutes_per_day": ["20"], "days_per_week": ["3"],
}
MONDAY = datetime.datetime(2026, 1, 5, 9, 0)
# The print dialog does not open in a test: the page's own call to print() is counted instead.
NO_PRINT_DIALOG = "() => { window.print = () => { window.hdPrinted = (window.hdPrinted || 0) + 1; }; }"


@pytest.fixture
def own_server(built_site):
    server, url = serve_in_thread(built_site)
    yield server, url
    server.shutdown()
    server.server_close()


def keep_offline(page, url):
    """Visit once and press Save this course for offline use: pages and Python are kept."""
    page.goto(url + "handouts/")
    wait_until_controlled(page)
    control = page.locator("[data-hd-offline-keep]").first
    control.get_by_role("button", name=re.compile("Save this course for offline use")).click()
    expect(control).to_have_attribute("data-state", "kept", timeout=KEEP_TIMEOUT_MS)


def ready(widget):
    expect(reach(widget)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    return widget


def session_widget(page):
    widget = ready(page.locator('[data-hipdrop-widget="session"]'))
    expect(widget).to_have_attribute("data-state", re.compile(r"\w"), timeout=PYODIDE_TIMEOUT_MS)
    return widget


def start(widget, signs=("none",)):
    widget.get_by_role("button", name="Start today's session").click()
    form = widget.locator("form.hd-session-precheck")
    for sign in signs:
        form.locator(f'input[name="red_flags"][value="{sign}"]').check()
    form.get_by_role("button", name="Continue").click()


def printed(page, fmt: str) -> PdfReader:
    page.emulate_media(media="print")
    try:
        return PdfReader(io.BytesIO(page.pdf(format=fmt, prefer_css_page_size=True, print_background=True)))
    finally:
        page.emulate_media(media="screen")


@SERVICE_WORKERS  # offline: the service worker keeps the course
def test_from_the_picker_to_a_logged_session_printed_and_carried_to_a_new_browser_all_offline(
    browser, context, own_server, built_site, tmp_path
):
    server, url = own_server
    page = context.new_page()
    keep_offline(page, url)
    server.shutdown()
    server.server_close()
    context.set_offline(True)
    page.clock.install(time=MONDAY)

    # The program page, offline: its result links to a guided session with the answers.
    page.goto(url + "program/?" + urlencode(ANSWERS, doseq=True))
    picker = ready(page.locator('[data-hipdrop-widget="picker"]'))
    link = picker.get_by_role("link", name="Start this session")
    expect(link).to_have_attribute("href", re.compile(r"^\.\./session/\?.*weak_side=right"))
    link.click()
    expect(page).to_have_url(re.compile(r"/session/"))
    widget = session_widget(page)
    # Once read into the log, the answers leave the address: a reload does not give them again.
    expect(page).to_have_url(re.compile(r"/session/$"))
    expect(widget).to_have_attribute("data-state", "ready")
    expect(widget.locator(".hd-session-overview")).to_contain_text("Phase 1: Activation")
    expect(widget.locator(".hd-session-list")).to_contain_text("Hip dip and raise: 2 sets of 10, rest 90 s")
    page.clock.pause_at(MONDAY + datetime.timedelta(minutes=10))

    # The one-leg check: a timed step that stops itself at 30 seconds.
    start(widget)
    check = widget.locator(".hd-session-oneleg")
    expect(check).to_be_visible()
    expect(check.locator(".hd-oneleg-side")).to_have_text("Stand on your right leg")
    check.get_by_role("button", name="Start the timer").click()
    page.clock.run_for(12_000)
    expect(check.locator(".hd-oneleg-timer")).to_have_text("12")
    page.clock.run_for(25_000)
    expect(check.locator(".hd-oneleg-timer")).to_have_text("30")
    expect(check.get_by_role("button", name="Foot down")).to_be_hidden()
    check.get_by_label("Level: it stayed level").check()
    check.get_by_role("button", name="Save the check").click()

    # The exercise: its figure, the side that works, the dose, and a timer from timestamps.
    runner = widget.locator(".hd-session-runner")
    expect(runner.locator("#hd-runner-name")).to_have_text("Hip dip and raise")
    expect(runner.locator(".hd-runner-figure figure.hd-motion svg").first).to_be_visible()
    expect(runner.locator(".hd-runner-side")).to_have_text(re.compile("^Stand on your right leg"))
    # The figure is the one drawn for the reader's side (the exercise page's mirror image), and says so.
    shown = runner.locator(".hd-runner-figure figure.hd-motion")
    expect(shown).to_have_attribute("data-side", "right")
    expect(shown.locator("figcaption")).to_contain_text("Drawn for the right side: stand on your right leg")
    expect(runner.locator(".hd-runner-dose")).to_have_text("2 sets of 10, rest 90 s")
    runner.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(5_000 + 3_000 * 3 + 500)  # the count-in, then 3 paced repetitions and a half
    expect(runner.locator(".hd-runner-counts")).to_have_text("Set 1 of 2 · Repetition 4 of 10")
    expect(runner.locator(".hd-runner-announce")).to_have_text("4")
    runner.get_by_role("button", name="Pause").click()
    page.clock.run_for(120_000)
    expect(runner.locator(".hd-runner-counts")).to_have_text("Set 1 of 2 · Repetition 4 of 10")
    runner.get_by_role("button", name="Resume").click()
    page.clock.run_for(6_000 + 200)  # two more repetitions
    expect(runner.locator(".hd-runner-counts")).to_have_text("Set 1 of 2 · Repetition 6 of 10")
    # The phone locks: 20 minutes pass and no timer fires; on return the session is where time says.
    page.clock.fast_forward(20 * 60_000)
    page.clock.run_for(500)
    log_form = widget.locator("form.hd-session-logform")
    expect(log_form).to_be_visible()
    expect(log_form.get_by_label("Done as dosed")).to_be_checked()
    expect(log_form.get_by_label("Repetitions done, all sets and sides")).to_have_value("20")

    # The log, judged by the engine with the pain rule.
    log_form.locator('label[for="hd-log-pain_during-4"]').click()
    log_form.get_by_label("Level: it stayed level").check()
    log_form.get_by_role("button", name="Save and see what comes next").click()
    message = widget.locator(".hd-session-message")
    expect(message).to_contain_text("Within the rule: up to 5 out of 10")
    message.get_by_role("button", name="Finish the session").click()
    expect(message).to_contain_text("Session saved.")
    expect(message).to_contain_text("Next session: Wednesday 7 January")

    # The chart: three images with words, and the table of weeks.
    chart = widget.locator(".hd-session-progress")
    expect(chart.locator('svg[role="img"]')).to_have_count(3)
    expect(chart.locator("#hd-chart-pain-desc")).to_contain_text("Highest pain during the exercises: 4 out of 10 in week 1.")
    expect(chart.locator("tbody tr")).to_have_count(1)
    expect(chart.locator("tbody tr td").nth(4)).to_have_text("20")

    # Paper: the tracker (landscape) and the summary, each on one page, A4 and Letter.
    page.evaluate(NO_PRINT_DIALOG)
    widget.get_by_role("button", name="Print my tracker").click()
    expect(widget.locator(".hd-paper-tracker")).to_be_visible()
    for fmt in ("A4", "Letter"):
        pdf = printed(page, fmt)
        assert len(pdf.pages) == 1, f"the tracker printed on {len(pdf.pages)} {fmt} pages"
        box = pdf.pages[0].mediabox
        assert box.width > box.height, "the tracker is printed landscape"
        text = pdf.pages[0].extract_text()
        assert "My exercise tracker" in text and "Hip dip and raise" in text and "Week 6" in text
        assert "Stop rules" in text and "Today's session" not in text
    (tmp_path / "tracker.pdf").write_bytes(page.pdf(format="A4", prefer_css_page_size=True))
    widget.get_by_role("button", name="Print a summary for my physiotherapist or GP").click()
    expect(widget.locator(".hd-paper-summary")).to_be_visible()
    for fmt in ("A4", "Letter"):
        pdf = printed(page, fmt)
        assert len(pdf.pages) == 1, f"the summary printed on {len(pdf.pages)} {fmt} pages"
        text = pdf.pages[0].extract_text()
        assert "Summary for my physiotherapist or GP" in text and "Which side is weak?" in text
        assert "Log so far, week by week" in text and "Hip dip and raise" in text
    assert page.evaluate("window.hdPrinted") == 2

    # The log leaves as a file, and opens in a new browser.
    with page.expect_download() as download:
        widget.get_by_role("button", name="Save my log as a file").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "hip-drop-log-2026-01-05.json"
    data = json.loads(saved.read_text())
    assert data["format"] == "hip-drop-session-log" and len(data["sessions"]) == 1

    other = browser.new_context(service_workers="allow")  # a new browser, offline like the first
    try:
        server2, url2 = serve_in_thread(built_site)
        fresh = other.new_page()
        keep_offline(fresh, url2)
        server2.shutdown()
        server2.server_close()
        other.set_offline(True)
        fresh.goto(url2 + "session/")
        widget2 = session_widget(fresh)
        expect(widget2).to_have_attribute("data-state", "no-program")
        fresh.locator("input.hd-session-import").set_input_files(str(saved))
        expect(widget2.locator(".hd-session-file-status")).to_contain_text("The file's log (1 sessions) is now your log.")
        expect(widget2.locator(".hd-session-overview")).to_contain_text("Phase 1: Activation")
        expect(widget2.locator("#hd-chart-pain-desc")).to_contain_text("4 out of 10 in week 1")
        fresh.reload()
        expect(session_widget(fresh).locator("#hd-chart-pain-desc")).to_contain_text("4 out of 10 in week 1")
    finally:
        other.close()


def test_a_keyboard_only_session_and_a_warning_sign_that_ends_the_next(page, site_url):
    page.clock.install(time=MONDAY)
    page.goto(site_url + "session/?" + urlencode(ANSWERS, doseq=True))
    widget = session_widget(page)
    page.clock.pause_at(MONDAY + datetime.timedelta(minutes=5))
    widget.get_by_role("button", name="Start today's session").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#hd-pre-sign-saddle-numbness")).to_be_focused()
    page.locator("#hd-pre-sign-none").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    skip = widget.get_by_role("button", name="Skip the check today")
    expect(skip).to_be_visible()
    skip.focus()
    page.keyboard.press("Enter")
    expect(widget.locator("#hd-runner-name")).to_be_focused()
    toggle = widget.get_by_role("button", name="Start", exact=True)
    toggle.focus()
    page.keyboard.press("Space")
    page.clock.run_for(5_000 + 3_000 + 500)
    expect(widget.locator(".hd-runner-counts")).to_have_text("Set 1 of 2 · Repetition 2 of 10")
    widget.get_by_role("button", name="End this set now").focus()
    page.keyboard.press("Enter")  # set 1 ends after 1 whole repetition: the rest begins
    expect(widget.locator(".hd-runner-kind")).to_have_text("Rest")
    widget.get_by_role("button", name="Skip the rest").focus()
    page.keyboard.press("Enter")
    page.clock.run_for(40_000)
    form = widget.locator("form.hd-session-logform")
    expect(form).to_be_visible()
    expect(form.get_by_label("Fewer repetitions than dosed")).to_be_checked()
    expect(form.get_by_label("Repetitions done, all sets and sides")).to_have_value("11")
    page.locator("#hd-log-pain_during-0").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#hd-log-pain_during-3")).to_be_checked()
    form.get_by_role("button", name="Save and see what comes next").focus()
    page.keyboard.press("Enter")
    message = widget.locator(".hd-session-message")
    expect(message).to_contain_text("Within the rule")
    expect(message.get_by_role("button", name="Finish the session")).to_be_focused()
    page.keyboard.press("Enter")
    expect(message).to_contain_text("Session saved.")

    # Wednesday: a warning sign before the session ends it with the picker's urgency.
    page.clock.fast_forward(2 * 24 * 3600_000)
    page.reload()
    widget = session_widget(page)
    expect(widget.locator("form.hd-session-morning")).to_be_visible()
    start(widget, signs=("saddle-numbness",))
    referral = widget.locator(".hd-session-message .hd-referral")
    expect(referral).to_have_attribute("data-urgency", "emergency-today")
    expect(referral.get_by_role("heading")).to_have_text("Get emergency help now, not an exercise program")
    expect(widget.locator(".hd-session-runner")).to_be_hidden()


def test_an_exercise_done_on_both_sides_shows_each_sides_figure_in_its_turn(page, site_url):
    """Both hips weak: the runner shows the figure drawn for the left side, then, after the switch,
    the figure drawn for the right side, and its words say which leg to stand on."""
    page.clock.install(time=MONDAY)
    page.goto(site_url + "session/?" + urlencode({**ANSWERS, "weak_side": ["both"]}, doseq=True))
    widget = session_widget(page)
    page.clock.pause_at(MONDAY + datetime.timedelta(minutes=5))
    start(widget)
    widget.get_by_role("button", name="Skip the check today").click()
    runner = widget.locator(".hd-session-runner")
    expect(runner.locator("#hd-runner-name")).to_have_text("Hip dip and raise")
    expect(runner.locator(".hd-runner-dose")).to_have_text("2 sets of 10 on each side, rest 90 s")
    shown = runner.locator(".hd-runner-figure figure.hd-motion")
    expect(shown).to_have_attribute("data-side", re.compile("^(left|right)$"))
    first = shown.get_attribute("data-side")
    second = "right" if first == "left" else "left"
    expect(runner.locator(".hd-runner-side")).to_have_text(re.compile(f"^Side 1 of 2: Stand on your {first} leg"))
    runner.get_by_role("button", name="Start", exact=True).click()
    # The count-in, two sets of ten 3-second repetitions, the rest between them, the switch's rest.
    page.clock.run_for(5_000 + 2 * 10 * 3_000 + 90_000 + 90_000 + 500)
    expect(runner.locator(".hd-runner-side")).to_have_text(re.compile(f"^Side 2 of 2: Stand on your {second} leg"))
    expect(shown).to_have_attribute("data-side", second)
    expect(shown.locator("figcaption")).to_contain_text(f"Drawn for the {second} side: stand on your {second} leg")
    expect(shown.locator("svg").first).to_be_visible()


def test_a_pain_of_seven_stops_the_sessions_and_sends_the_reader_to_a_physiotherapist_until_one_has(page, site_url):
    page.clock.install(time=MONDAY)
    page.goto(site_url + "session/?" + urlencode(ANSWERS, doseq=True))
    # The page's own box lists the four stops, in the engine's words ("twice", not "more than once").
    box = page.locator(".admonition").filter(has_text="Stop rules come first")
    expect(box.get_by_role("listitem")).to_have_count(4)
    expect(box.get_by_role("listitem").first).to_contain_text("Pain of 7 out of 10 or more")
    expect(box).to_contain_text("Sharp pain twice in the same exercise")
    expect(box).not_to_contain_text("more than once")
    widget = session_widget(page)
    page.clock.pause_at(MONDAY + datetime.timedelta(minutes=5))
    start(widget)
    widget.get_by_role("button", name="Skip the check today").click()
    widget.get_by_role("button", name="Stop this exercise").click()
    form = widget.locator("form.hd-session-logform")
    form.get_by_label("Too tired").check()
    form.locator('label[for="hd-log-pain_during-7"]').click()
    form.get_by_role("button", name="Save and see what comes next").click()
    # The engine's stop, as the page shows it: the reason, the referral, the way back; no more exercises.
    expect(widget).to_have_attribute("data-state", "stopped")
    alert = widget.locator(".hd-session-view").get_by_role("alert")
    expect(alert).to_contain_text("Stop the exercises and see a physiotherapist.")
    expect(alert.locator('[data-stop="pain-seven"]')).to_contain_text("Your pain reached 7 out of 10 during")
    expect(alert).to_contain_text("more cautious than any published one")
    message = widget.locator(".hd-session-message")
    expect(message).to_contain_text("Stop here.")
    message.get_by_role("button", name="Finish the session").click()
    expect(message).to_contain_text("Session saved.")
    expect(widget.locator(".hd-session-begin")).to_be_hidden()

    # Wednesday: still stopped (the log, kept in this browser, says so), until the reader says a
    # physiotherapist has seen them.
    page.clock.fast_forward(2 * 24 * 3600_000)
    page.reload()
    widget = session_widget(page)
    expect(widget).to_have_attribute("data-state", "stopped")
    expect(widget.locator(".hd-session-begin")).to_be_hidden()
    widget.get_by_role("button", name="A physiotherapist has seen me and says I may go on").click()
    expect(widget.locator(".hd-session-view")).to_contain_text("Your next session is tomorrow.")
    expect(widget.locator(".hd-session-view").get_by_role("alert")).to_have_count(0)
    expect(widget.locator(".hd-session-begin")).to_be_hidden()
    page.clock.fast_forward(24 * 3600_000)
    page.reload()
    widget = session_widget(page)
    expect(widget).to_have_attribute("data-state", "ready")
    expect(widget.get_by_role("button", name="Start today's session")).to_be_visible()


def test_a_full_storage_is_said_and_the_log_still_leaves_as_a_file(page, site_url, tmp_path):
    page.goto(site_url + "session/?" + urlencode(ANSWERS, doseq=True))
    widget = session_widget(page)
    page.add_init_script(FULL)
    page.evaluate(FULL)  # from now on every write to the storage fails as a full one does
    start(widget)
    widget.get_by_role("button", name="Skip the check today").click()
    widget.get_by_role("button", name="Stop this exercise").click()
    form = widget.locator("form.hd-session-logform")
    form.get_by_label("Too tired").check()
    form.locator('label[for="hd-log-pain_during-3"]').click()
    form.get_by_role("button", name="Save and see what comes next").click()
    status = widget.locator(".hd-session-file-status")
    expect(status).to_contain_text("storage for this site is full, so the last change was NOT saved")
    with page.expect_download() as download:
        widget.get_by_role("button", name="Save my log as a file").click()
    saved = tmp_path / "log.json"
    download.value.save_as(saved)
    entry = json.loads(saved.read_text())["sessions"][0]["exercises"][0]
    assert entry["outcome"] == "stopped" and entry["stopped_for"] == "tired"


def test_a_corrupt_or_foreign_file_changes_nothing(page, site_url, tmp_path):
    page.goto(site_url + "session/?" + urlencode(ANSWERS, doseq=True))
    widget = session_widget(page)
    before = page.evaluate("() => JSON.stringify(localStorage)")
    status = widget.locator(".hd-session-file-status")
    cases = {
        "broken.json": ('{"format": "hip-drop-session-log", "version": 1, "sessions": [', "is not valid JSON"),
        "route.json": ('{"type": "FeatureCollection", "features": []}', "is not a Hip Drop session log"),
        "later.json": ('{"format": "hip-drop-session-log", "version": 9}', "newer than this course reads"),
    }
    for name, (text, problem) in cases.items():
        (tmp_path / name).write_text(text)
        page.locator("input.hd-session-import").set_input_files(str(tmp_path / name))
        expect(status).to_contain_text("The file was not imported, and your log is unchanged")
        expect(status).to_contain_text(problem)
        expect(status).to_contain_text(name)
    assert page.evaluate("() => JSON.stringify(localStorage)") == before
    # Deleted in one step, and back with Undo.
    widget.get_by_role("button", name="Delete my log from this browser").click()
    expect(status).to_contain_text("Your log was deleted from this browser.")
    assert "session-log" not in page.evaluate("() => Object.keys(localStorage).join(' ')")
    status.get_by_role("button", name="Undo").click()
    expect(status).to_contain_text("Your log is back.")
    assert "session-log" in page.evaluate("() => Object.keys(localStorage).join(' ')")


def axe_both(page) -> dict[str, list[str]]:
    found = {}
    # The session's view has settled: no question to the engine is still out (its answer would
    # change the page while axe reads it).
    page.wait_for_function("() => !document.querySelector('[data-hipdrop-widget=\"session\"][data-busy]')")
    for _ in range(2):
        wait_for_stillness(page)
        found[scheme(page)] = run_axe(page)
        before = scheme(page)
        page.locator(PALETTE_TOGGLE).click()
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=before)
    return found


def test_axe_finds_nothing_in_either_palette_in_each_state_of_a_session(browser, site_url):
    context = browser.new_context(reduced_motion="reduce", service_workers="block")
    prepare(context)
    page = context.new_page()
    try:
        page.goto(site_url + "session/?" + urlencode(ANSWERS, doseq=True))
        widget = session_widget(page)
        found = {"overview": axe_both(page)}
        start(widget)
        found["one-leg check"] = axe_both(page)
        widget.get_by_role("button", name="Skip the check today").click()
        found["runner"] = axe_both(page)
        widget.get_by_role("button", name="Stop this exercise").click()
        found["log form"] = axe_both(page)
        form = widget.locator("form.hd-session-logform")
        form.get_by_role("button", name="Save and see what comes next").click()
        expect(form.locator(".hd-session-form-problem")).to_contain_text("please answer “Why did you stop?”")
        found["log form with its problems"] = axe_both(page)
        form.get_by_label("Too tired").check()
        form.locator('label[for="hd-log-pain_during-7"]').click()  # a pain of 7: the sessions stop
        form.get_by_role("button", name="Save and see what comes next").click()
        expect(widget).to_have_attribute("data-state", "stopped")
        found["stopped, with its referral"] = axe_both(page)
        widget.locator(".hd-session-message").get_by_role("button", name="Finish the session").click()
        expect(widget.locator(".hd-chart-svg").first).to_be_visible()
        page.evaluate(NO_PRINT_DIALOG)
        widget.get_by_role("button", name="Print my tracker").click()
        expect(widget.locator(".hd-paper-tracker")).to_be_visible()
        found["chart and tracker"] = axe_both(page)
        page.goto(site_url + "program/?" + urlencode(ANSWERS, doseq=True))
        expect(ready(page.locator('[data-hipdrop-widget="picker"]')).locator(".hd-session-links")).to_be_visible()
        found["program"] = axe_both(page)
        page.goto(site_url + "exercises/hip-dip-and-raise/")
        expect(page.get_by_role("link", name="Start this session: Hip dip and raise", exact=True)).to_be_visible()
        found["exercise page"] = axe_both(page)
    finally:
        context.close()
    problems = {f"{state} [{palette}]": items for state, by in found.items() for palette, items in by.items() if items}
    assert problems == {}, "\n".join(f"{where}:\n  " + "\n  ".join(items) for where, items in problems.items())
