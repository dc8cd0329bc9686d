"""Macro ``session_widget()``: the guided session, its log, charts, paper and calendar, as static
HTML with the exercise catalog and the build's addresses for the worker
(``hipdrop_course.engine.session``); ``site_assets/js/widgets/session.js`` runs it.

Addresses come from the build's own URL mapping (the page's ``link``): the program page, every
exercise's page (whose animated figure the session shows), lessons 3 and 5, lesson 3's warning signs.
"""

from .catalog import load_catalog_data
from .engine.session.page import session_widget_html
from .picker import exercise_urls, site_root

PROGRAM_PAGE = "program.md"
LESSONS = {"self-check": "lessons/causes-and-assessment.md", "dosing": "lessons/dosing.md"}
WARNING_SIGNS = ("lessons/causes-and-assessment.md", "#red-flags")  # the list the stop message links to


def macros(project) -> dict:
    def session_widget(page) -> str:
        catalog = load_catalog_data(project)  # raises DataError: the build stops, problems listed
        urls = {
            "program": page.link_or_none(PROGRAM_PAGE) or "",
            "exercises": exercise_urls(catalog, page),
            "lessons": {key: page.link_or_none(path) or "" for key, path in LESSONS.items()},
            "root": site_root(page),  # the site's root seen from the page: the log's storage key
            "warning_signs": (page.link_or_none(WARNING_SIGNS[0]) or "") + WARNING_SIGNS[1],
        }
        return session_widget_html(catalog, urls)

    return {"session_widget": session_widget}
