"""Presentation mode at a projector's 1280x720 (issue 26): type scaled to the slide, tables
included; a slide taller than the screen says "More below" and scrolls by keyboard before moving
on; speaker notes in a second window with a timer."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

LESSON = "lessons/mechanics/"
PROJECTOR = {"width": 1280, "height": 720}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PROJECTOR}


def slide(page) -> str:
    return parse_qs(urlparse(page.url).query).get("present", [""])[0]


def font_size(locator) -> float:
    return locator.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")


def test_type_is_scaled_to_the_slide_and_tables_follow_it(page, site_url):
    page.goto(site_url + LESSON)
    table = page.locator("#abductor-force ~ .md-typeset__scrollwrap table").first
    reading = font_size(table)
    page.goto(site_url + LESSON + "?present=abductor-force")
    expect(page.locator("html")).to_have_class(re.compile(r"\bhd-presenting\b"))
    expect(table).to_be_visible()
    article = page.locator("article.md-content__inner")
    scale = float(article.get_attribute("data-hd-scale"))
    assert 0.7 <= scale <= 1
    text = font_size(page.locator("#abductor-force ~ p").first)
    # The table follows the slide's type (a little smaller than its text), no longer the page's.
    assert font_size(table) >= 0.75 * text > reading
    # The equation reads at the text's full colour, not Material's grey.
    quote = page.locator("#abductor-force ~ blockquote").first
    assert quote.evaluate("q => getComputedStyle(q).color") == page.locator("#abductor-force ~ p").first.evaluate(
        "p => getComputedStyle(p).color"
    )


def test_a_slide_taller_than_the_screen_says_more_below_and_scrolls_by_keyboard(page, site_url):
    page.goto(site_url + LESSON + "?present=worked-example")  # the worked example and the lab
    more = page.get_by_role("button", name="More below ↓")
    expect(more).to_be_visible()
    assert page.locator("article.md-content__inner").get_attribute("data-hd-scale") == "0.7"
    for _ in range(20):  # Down scrolls the slide until its end, without leaving it
        if not more.is_visible():
            break
        before = page.evaluate("() => scrollY")
        page.keyboard.press("PageDown")
        page.wait_for_function("y => scrollY > y", arg=before)
        assert slide(page) == "worked-example"
    expect(more).to_be_hidden()
    page.keyboard.press("ArrowUp")  # Up scrolls back before it leaves the slide
    page.wait_for_function("() => scrollY < document.documentElement.scrollHeight - innerHeight")
    assert slide(page) == "worked-example"
    expect(more).to_be_visible()
    page.keyboard.press("ArrowRight")  # Right always moves on
    expect(page).to_have_url(re.compile(r"present=instrumented-implants"))
    assert page.evaluate("() => scrollY") == 0


def test_a_slide_that_fits_shows_no_hint(page, site_url):
    page.goto(site_url + LESSON + "?present=moments")
    expect(page.locator("article.md-content__inner")).to_have_attribute("data-hd-more-below", "false")
    expect(page.get_by_role("button", name="More below ↓")).to_be_hidden()
    page.keyboard.press("ArrowDown")
    expect(page).to_have_url(re.compile(r"present=superincumbent-weight"))


def test_speaker_notes_open_in_a_second_window_with_a_timer_and_follow_the_slides(page, site_url):
    page.goto(site_url + LESSON)
    notes_on_page = page.locator(".admonition.notes")
    expect(notes_on_page).to_have_count(1)
    expect(notes_on_page).to_be_hidden()  # for the presenter only: not on the page...
    page.goto(site_url + LESSON + "?present=abductor-force")
    expect(notes_on_page).to_be_hidden()  # ...nor on the slide
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    notes = opened.value
    expect(notes.locator("h1")).to_have_text("How hard the abductors work")
    expect(notes.locator(".notes")).to_contain_text("ask the class to predict")
    expect(notes.locator(".next")).to_have_text("Next: A worked example")
    timer = notes.get_by_role("timer")
    expect(timer).to_have_text(re.compile(r"^Elapsed: 00:0\d$"))
    expect(timer).not_to_have_text("Elapsed: 00:00", timeout=5_000)  # it runs
    notes.get_by_role("button", name="Restart the timer").click()
    expect(timer).to_have_text("Elapsed: 00:00")

    # The presenter drives the slides from the notes window.
    notes.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"present=worked-example"))
    expect(notes.locator("h1")).to_have_text("A worked example")
    expect(notes.locator(".notes")).to_have_text("No notes for this slide.")
    with notes.expect_event("close"):  # listening before the key: a quick close is not missed
        page.keyboard.press("Escape")


def test_ctrl_click_on_present_opens_the_notes_too(page, site_url):
    page.goto(site_url + LESSON)
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Present").click(modifiers=["ControlOrMeta"])
    expect(page.locator("html")).to_have_class(re.compile(r"\bhd-presenting\b"))
    expect(opened.value.locator(".position")).to_contain_text("1 / ")
