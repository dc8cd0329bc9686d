"""The course in Firefox (Debian's Firefox ESR, headless, over WebDriver BiDi with puppeteer-core).
What the client cannot see: console messages logged inside workers (the server's request log
covers their failed requests)."""

import pytest

import engine_checks as checks

SLOW = pytest.mark.timeout(600)  # every page, or three pages and a service worker's precache


@SLOW
def test_every_page_loads_without_errors(firefox, all_pages):
    checks.every_page_loads_cleanly(firefox, all_pages)


def test_practice_quiz_by_keyboard_grades_as_the_engine_does(firefox):
    checks.practice_quiz_by_keyboard(firefox)


def test_final_exam_by_keyboard_grades_as_the_engine_does(firefox):
    checks.final_exam_by_keyboard(firefox)


def test_picker_by_keyboard_builds_the_engines_program(firefox):
    checks.picker_by_keyboard(firefox)


def test_lab_by_keyboard_shows_the_engines_numbers(firefox):
    checks.lab_by_keyboard(firefox)


def test_pyodide_404_shows_retry_and_retry_recovers(firefox):
    checks.pyodide_failure_shows_retry(firefox)


@SLOW
def test_after_one_visit_the_pages_opened_work_with_the_server_gone(firefox):
    checks.offline_after_one_visit(firefox)


def test_printing_a_lesson_keeps_the_print_styles(firefox):
    checks.printing_keeps_the_print_styles(firefox)
