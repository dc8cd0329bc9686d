"""Presentation mode on a lesson, driven by the keyboard as a teacher at a projector would."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from hipdrop_tools.offline.serve import serve_in_thread
from support import PUBLIC_SITE_URL as PUBLIC, question_count, score_sentence, reach
from support import PYODIDE_TIMEOUT_MS

# One option ticked in lesson 1's six questions: the score sentence, right (1/6 = 17 %) or wrong.
SCORE_ONE_TICK = re.compile("^(" + "|".join(re.escape(score_sentence(n, question_count("lesson-1"))) for n in (0, 1)) + ")$")
LESSON = "lessons/what-is-trendelenburg/"


def place(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def shown_headings(page) -> list[str]:
    return page.eval_on_selector_all(
        "article.md-content__inner h2",
        "els => els.filter(e => e.checkVisibility()).map(e => e.id)",
    )


def test_keyboard_moves_one_section_at_a_time_and_the_address_keeps_the_place(page, site_url):
    page.goto(site_url + LESSON)
    sections = page.eval_on_selector_all("article.md-content__inner > h2", "els => els.map(e => e.id)")
    assert len(sections) >= 3
    expect(page.get_by_role("button", name="Present")).to_be_visible()

    page.keyboard.press("p")
    expect(page.locator("html")).to_have_class(re.compile(r"\bhd-presenting\b"))
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    assert shown_headings(page) == []
    assert place(page) == {"present": "start"}
    # Large type: the lesson text is bigger than when reading.
    size = page.eval_on_selector("article.md-content__inner p", "p => parseFloat(getComputedStyle(p).fontSize)")
    assert size >= 20

    page.keyboard.press("ArrowRight")
    assert shown_headings(page) == [sections[0]]
    # The lesson's title leaves the slide but stays for screen readers (axe: page-has-heading-one).
    assert page.locator("h1").bounding_box()["width"] <= 1
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    page.keyboard.press("Space")
    assert shown_headings(page) == [sections[1]]
    page.keyboard.press("PageDown")
    assert shown_headings(page) == [sections[2]]
    page.keyboard.press("ArrowLeft")
    assert shown_headings(page) == [sections[1]]
    assert place(page) == {"present": sections[1]}
    expect(page.locator(".hd-present-bar")).to_contain_text("3 / ")

    page.reload()
    expect(page.locator("html")).to_have_class(re.compile(r"\bhd-presenting\b"))
    assert shown_headings(page) == [sections[1]]

    page.keyboard.press("Escape")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bhd-presenting\b"))
    assert place(page) == {}
    expect(page.locator(f"#{sections[0]}")).to_be_visible()
    expect(page.locator(".md-sidebar--primary")).to_be_visible()


def test_a_quiz_runs_question_by_question_and_the_answer_waits_for_the_teacher(page, site_url):
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    questions = quiz.locator("fieldset.hd-question")
    total = questions.count()
    assert total >= 2
    first_key = quiz.locator(".hd-answer-key > ol > li").first.inner_text()

    page.keyboard.press("p")
    page.keyboard.press("End")  # the quiz is the last slide
    expect(quiz.locator(".hd-present-runner")).to_contain_text(f"Question 1 of {total}")
    expect(questions.nth(0)).to_be_visible()
    expect(questions.nth(1)).to_be_hidden()
    expect(quiz.locator(".hd-answer-key")).to_be_hidden()
    reveal = quiz.locator(".hd-present-reveal")
    expect(reveal).to_be_hidden()

    page.keyboard.press("r")
    expect(reveal).to_be_visible()
    assert first_key.split("\n")[0].strip() in reveal.inner_text()

    page.keyboard.press("ArrowRight")
    expect(questions.nth(1)).to_be_visible()
    expect(questions.nth(0)).to_be_hidden()
    expect(reveal).to_be_hidden()
    assert place(page)["question"] == "2"

    # The widget still works in presentation mode: the class's choice is graded by the engine.
    questions.nth(1).locator("input").first.check()
    quiz.get_by_role("button", name=re.compile("Check")).click()
    expect(quiz.locator(".hd-result")).to_have_text(SCORE_ONE_TICK, timeout=PYODIDE_TIMEOUT_MS)

    page.reload()
    expect(questions.nth(1)).to_be_visible()
    expect(questions.nth(0)).to_be_hidden()


def test_pages_other_than_lessons_have_no_presentation_mode(page, site_url):
    page.goto(site_url + "glossary/")
    expect(page.locator(".hd-present-toggle")).to_have_count(0)
    page.keyboard.press("p")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bhd-presenting\b"))


@pytest.fixture(scope="module")
def public_site_url(public_build):
    """The course built with a public address (so with QR codes), served locally."""
    server, url = serve_in_thread(public_build[0])
    yield url
    server.shutdown()


def test_the_qr_code_shows_in_presentation_mode_and_in_print_but_not_on_screen(page, public_site_url):
    page.goto(public_site_url + LESSON)
    code = page.locator("article .hd-qr")
    expect(code).to_have_attribute("data-address", PUBLIC + LESSON)
    expect(code).to_be_hidden()

    page.keyboard.press("p")
    expect(code).to_be_visible()  # beside the lesson's aims on the first slide
    page.keyboard.press("ArrowRight")
    expect(code).to_be_hidden()
    page.keyboard.press("q")  # large, for the class to scan
    expect(code).to_be_visible()
    box = code.bounding_box()
    assert box["width"] >= 300
    page.keyboard.press("Escape")
    expect(code).to_be_hidden()
    expect(page.locator("html")).to_have_class(re.compile(r"\bhd-presenting\b"))
    page.keyboard.press("Escape")

    page.emulate_media(media="print")
    expect(code).to_be_visible()
    expect(code.locator("figcaption")).to_contain_text(PUBLIC + LESSON)
