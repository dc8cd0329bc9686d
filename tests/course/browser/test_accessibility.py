"""Accessibility gates over every built page, with widgets live: axe-core finds nothing in the
light or the dark palette, at desktop width and at 320 px (its `incomplete` results reviewed,
a11y_audit.run_axe_full), every control is reached by Tab and has a name, nothing of ours moves
when the reader asks for reduced motion, and no page scrolls sideways on a 320 px phone.

All pages are visited once, in one browser context, by a11y_audit.audit_site; each test below
asserts one gate over the findings. axe-core (npm, pinned) and our probe reach the pages as
Playwright init scripts, which the site's strict Content-Security-Policy allows (a <script> tag
added to the page would be refused), so the pages are audited under their real CSP."""

import pytest

from a11y_audit import NARROW, audit_site
from support import PYODIDE_TIMEOUT_MS

# One visit of every page (Pyodide boots on each widget page) happens in the fixture's set-up.
pytestmark = pytest.mark.timeout(600)


def listing(found: dict) -> str:
    """Every finding on its own line, page by page, so a failure reads as a to-do list."""
    return "\n".join(f"{page}:\n  " + "\n  ".join(map(str, items)) for page, items in found.items())


def audited_pages(built_site, all_pages) -> list[str]:
    pages = list(all_pages)
    if (built_site / "404.html").exists():
        pages.append("404.html")
    return pages


@pytest.fixture(scope="module")
def findings(browser, browser_context_args, built_site, site_url, all_pages):
    # The session's context arguments: no service worker (its precache would compete with the
    # audit for the cores; the keep-for-offline block looks the same without it).
    context = browser.new_context(**{**browser_context_args, "color_scheme": "light", "reduced_motion": "reduce"})
    try:
        yield audit_site(context, site_url, audited_pages(built_site, all_pages), PYODIDE_TIMEOUT_MS)
    finally:
        context.close()


def test_every_page_was_audited_with_live_widgets(findings, built_site, all_pages):
    assert [f.path for f in findings] == [p or "/" for p in audited_pages(built_site, all_pages)]
    assert any(f.widget_states for f in findings), "expected at least one page with a widget"
    not_ready = {f.path: f.widget_states for f in findings if set(f.widget_states) - {"ready"}}
    assert not_ready == {}, listing(not_ready)


def test_axe_finds_no_violations_in_the_light_or_the_dark_palette(findings):
    palettes = {f.path: sorted(f.axe) for f in findings}
    assert all(schemes == ["default", "slate"] for schemes in palettes.values()), palettes
    violations = {
        f"{f.path} [{scheme}]": found for f in findings for scheme, found in f.axe.items() if found
    }
    assert violations == {}, listing(violations)


def test_axe_finds_no_violations_at_320_px_in_either_palette(findings):
    assert all(sorted(f.axe_narrow) == ["default", "slate"] for f in findings)
    violations = {
        f"{f.path} [{scheme}, 320 px]": found for f in findings for scheme, found in f.axe_narrow.items() if found
    }
    assert violations == {}, listing(violations)


def test_every_control_is_reached_by_tab_and_has_an_accessible_name(findings):
    assert all(f.keyboard["reached"] > 0 for f in findings)
    unreachable = {f.path: f.keyboard["unreachable"] for f in findings if f.keyboard["unreachable"]}
    nameless = {f.path: f.keyboard["nameless"] for f in findings if f.keyboard["nameless"]}
    assert unreachable == {}, "not reached by Tab:\n" + listing(unreachable)
    assert nameless == {}, "no accessible name:\n" + listing(nameless)


def test_nothing_of_ours_moves_when_reduced_motion_is_asked_for(findings):
    assert any(f.motion["checked"] for f in findings), "no element of ours was found to check"
    moving = {f.path: f.motion["moving"] + f.motion["running"] for f in findings if f.motion["moving"] or f.motion["running"]}
    assert moving == {}, listing(moving)


def test_no_page_scrolls_sideways_at_320_px(findings):
    assert all(f.overflow["width"] <= NARROW["width"] for f in findings)
    wide = {
        f.path: [f"page is {f.overflow['scrollWidth']} px wide", *f.overflow["sticking"]]
        for f in findings
        if f.overflow["scrollWidth"] > f.overflow["width"] or f.overflow["sticking"]
    }
    assert wide == {}, "wider than 320 px (first elements that stick out):\n" + listing(wide)
