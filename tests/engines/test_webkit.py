"""The course in WebKit (WebKitGTK 2.50's MiniBrowser, the engine of every iPhone browser, through
WebKitWebDriver and selenium, under Xvfb). WebKitWebDriver reports no console messages, errors or
failed requests: the test server's watch.js records the page's own, and its request log every HTTP
error (workers included); messages logged inside workers are not seen."""

import re

import pytest

import engine_checks as checks

SLOW = pytest.mark.timeout(600)  # every page, or three pages and a service worker's precache


def one_page_of_each_kind(built_site, pages: list[str]) -> list[str]:
    """The first page of each kind: the same widgets, the same scripts and the same data-hd
    features. Pages of one kind run the same code, so WebKit, the slowest engine to drive here,
    visits one of each; Chromium (test_crawl.py) and Firefox visit every page."""
    kinds: dict[tuple, str] = {}
    for path in pages:
        html = (built_site / path / "index.html").read_text()
        kind = (
            frozenset(re.findall(r'data-hipdrop-widget="([\w-]+)"', html)),
            frozenset(re.sub(r"^(\.\./)+", "", src) for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', html)),
            frozenset(re.findall(r"\b(data-(?:hd|hipdrop)-[\w-]+)=", html)),
        )
        kinds.setdefault(kind, path)
    return list(kinds.values())


@SLOW
def test_every_kind_of_page_loads_without_errors(webkit, built_site, all_pages):
    pages = one_page_of_each_kind(built_site, all_pages)
    assert 5 < len(pages) < len(all_pages)
    checks.every_page_loads_cleanly(webkit, pages)


def test_practice_quiz_by_keyboard_grades_as_the_engine_does(webkit):
    checks.practice_quiz_by_keyboard(webkit)


def test_final_exam_by_keyboard_grades_as_the_engine_does(webkit):
    checks.final_exam_by_keyboard(webkit)


def test_picker_by_keyboard_builds_the_engines_program(webkit):
    checks.picker_by_keyboard(webkit)


def test_lab_by_keyboard_shows_the_engines_numbers(webkit):
    checks.lab_by_keyboard(webkit)


def test_pyodide_404_shows_retry_and_retry_recovers(webkit):
    checks.pyodide_failure_shows_retry(webkit)


@SLOW
def test_after_one_visit_the_pages_opened_work_with_the_server_gone(webkit):
    checks.offline_after_one_visit(webkit)


def test_the_print_styles_apply_in_webkit(webkit):
    """WebKitWebDriver has no Print command: the print rules are applied on screen instead."""
    checks.print_rules_apply(webkit)
