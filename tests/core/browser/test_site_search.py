"""Site search works offline: Material's search worker is served by the site itself."""

from playwright.sync_api import expect


def test_search_finds_a_lesson(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    page.keyboard.type("pelvis", delay=30)  # Material searches on key events
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    expect(page.locator(".md-search-result")).to_contain_text("Trendelenburg")


def test_both_palettes_are_offered(page, site_url):
    page.goto(site_url)
    toggle = page.locator("label.md-header__button[for^='__palette']").first
    expect(toggle).to_be_visible()
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    toggle.click()
    other = "slate" if before == "default" else "default"
    expect(body).to_have_attribute("data-md-color-scheme", other)
    assert before in ("default", "slate")
