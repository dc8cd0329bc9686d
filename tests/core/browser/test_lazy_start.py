"""Reading costs no Python: a reader who opens a lesson and reads fetches no byte of Pyodide or of
the engine (the service worker included); Python starts when a widget comes near, or when the
reader focuses it; a widget in the first screen starts at once; and the quiz grades as soon as the
reader gets there."""

import re
import time

import pytest
from playwright.sync_api import expect

from support import PYODIDE_TIMEOUT_MS, SERVICE_WORKERS, cached_urls, logging_server, python_downloads, wait_until_controlled

pytestmark = SERVICE_WORKERS  # "the service worker included": it must not fetch Python either

LESSON = "lessons/what-is-trendelenburg/"
IDLE_TEXT = "Python starts in your browser when you reach this part of the page."


@pytest.fixture
def logged(built_site):
    server, url, sent = logging_server(built_site)
    yield url, sent
    server.shutdown()
    server.server_close()






def test_a_reader_who_reads_a_lesson_fetches_no_python(context, logged):
    url, sent = logged
    page = context.new_page()
    page.goto(url + LESSON)
    wait_until_controlled(page)  # the service worker has kept the shell
    page.wait_for_function(
        "async (href) => { for (const n of await caches.keys()) if (await (await caches.open(n)).match(href)) return true; return false; }",
        arg=url + LESSON,
    )  # and the lesson
    page.wait_for_timeout(1_500)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(quiz).to_have_attribute("data-hipdrop-state", "idle")
    expect(quiz.locator(".hd-status")).to_have_text(IDLE_TEXT)
    expect(quiz.locator(".hd-status progress")).to_have_count(0)
    assert python_downloads(sent) == []
    assert page.evaluate("() => window.hipdrop.state.state") == "idle"
    cached = cached_urls(page)
    assert not any(u.endswith("/glossary/") for u in cached), "a page the reader never opened was downloaded"
    assert not [u for u in cached if "/assets/pyodide/" in u or u.endswith(".whl")]


def test_scrolling_down_to_the_quiz_starts_python_on_the_way_and_the_quiz_grades(context, logged, report):
    url, sent = logged
    page = context.new_page()
    page.goto(url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    # A reader scrolling down at a reading pace: half a screen every half second.
    reached = None
    for _ in range(400):
        if quiz.evaluate("q => q.getBoundingClientRect().top < innerHeight"):
            reached = time.monotonic()
            break
        page.mouse.wheel(0, 360)
        page.wait_for_timeout(500)
    assert reached is not None, "the quiz was never reached"
    assert python_downloads(sent), "Python had not started on the way down"
    first = quiz.locator("fieldset[data-question]").first
    first.locator("input").first.check()
    quiz.get_by_role("button", name="Check answers").click(timeout=PYODIDE_TIMEOUT_MS)
    expect(quiz.locator(".hd-result")).to_contain_text(re.compile(r"You scored \d"), timeout=PYODIDE_TIMEOUT_MS)
    report(f"lazy start: from reaching the quiz to its first feedback, cold: {time.monotonic() - reached:.2f} s")


def test_focusing_a_widget_starts_python(context, logged):
    url, sent = logged
    page = context.new_page()
    page.goto(url + LESSON)
    page.wait_for_timeout(500)
    assert python_downloads(sent) == []
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    # Focus without scrolling, as a screen reader's "next form field" can.
    quiz.locator("input").first.evaluate("input => input.focus({ preventScroll: true })")
    expect(quiz).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    assert python_downloads(sent)


def test_a_widget_in_the_first_screen_starts_at_once(context, logged):
    url, sent = logged
    page = context.new_page()
    page.goto(url + "program/")
    expect(page.locator('[data-hipdrop-widget="picker"]')).to_have_attribute(
        "data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS
    )
    assert any(p.endswith("/pyodide.asm.wasm") for p in python_downloads(sent))
