"""Macro ``program_picker()``: the program picker's form as static HTML, with the exercise catalog
embedded for the worker; the picker widget builds the program in the browser.

The addresses of the exercise pages and figures come from the build's own URL mapping (the page's
``link``), so they are right with folder URLs and with the classroom bundle's file names alike;
the engine only looks them up.
"""

from .catalog import FIGURES_DIR, PAGES_DIR, load_catalog_data
from .engine.catalog import catalog_from_dict
from .engine.picker.form import render_picker

SESSION_PAGE = "session.md"  # the guided session: the program result links to it


def exercise_urls(catalog_data: dict, page) -> dict[str, str]:
    """Exercise id -> address of its page seen from ``page``: the family page, plus ``#id`` for a version."""
    catalog = catalog_from_dict(catalog_data)
    urls = {}
    for exercise in catalog.exercises:
        url = page.link_or_none(f"{PAGES_DIR.as_posix()}/{exercise.family}.md")
        if url is not None:
            urls[exercise.id] = url if exercise.is_family_main else f"{url}#{exercise.id}"
    return urls


def figure_urls(catalog_data: dict, page) -> dict[str, str]:
    """Illustration file name -> its address seen from ``page``."""
    urls = {}
    for name in sorted({e["illustration"] for e in catalog_data["exercises"]}):
        url = page.link_or_none(f"{FIGURES_DIR.as_posix()}/{name}")
        if url is not None:
            urls[name] = url
    return urls


def site_root(page) -> str:
    """The site root seen from the page ('../../' from 'lessons/dosing/'; '' from the home page)."""
    depth = page.url.count("/")
    return "../" * depth


def macros(project) -> dict:
    def program_picker(page) -> str:
        catalog = load_catalog_data(project)  # raises DataError: the build stops, problems listed
        urls = {"exercises": exercise_urls(catalog, page), "figures": figure_urls(catalog, page)}
        session = page.link_or_none(SESSION_PAGE)
        if session is not None:
            urls["session"] = session
        return render_picker(catalog, site_root(page), urls)

    return {"program_picker": program_picker}
