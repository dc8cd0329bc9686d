"""Macro ``program_picker()``: the program picker's form as static HTML, with the exercise catalog
embedded for the worker; the picker widget builds the program in the browser.

The addresses of the exercise pages and of their still figures (the motion engine's, drawn at
build time) come from the build's own URL mapping (the page's
``link``), so they are right with folder URLs and with the classroom bundle's file names alike;
the engine only looks them up.
"""

from .catalog import PAGES_DIR, load_catalog_data, load_motions
from .engine.catalog import catalog_from_dict
from .engine.figure_side import figure_sides
from .engine.motion.files import figure_file
from .engine.picker.form import render_picker
from .figures import figure_alt, still_figure

SESSION_PAGE = "session.md"  # the guided session: the program result links to it
WARNING_SIGNS = ("lessons/causes-and-assessment.md", "#red-flags")  # a referral links its signs to this list


def exercise_urls(catalog_data: dict, page) -> dict[str, str]:
    """Exercise id -> address of its page seen from ``page``: the family page, plus ``#id`` for a version."""
    catalog = catalog_from_dict(catalog_data)
    urls = {}
    for exercise in catalog.exercises:
        url = page.link_or_none(f"{PAGES_DIR.as_posix()}/{exercise.family}.md")
        if url is not None:
            urls[exercise.id] = url if exercise.is_family_main else f"{url}#{exercise.id}"
    return urls


def figure_urls(catalog_data: dict, motions: dict, page) -> dict[str, dict]:
    """Exercise id -> trained side ("left", "right"; "" when both hips work at once) -> its still
    figure for that side (drawn at build time: ``figures.site_files``): its address seen from
    ``page``, the words that stand for it and its size."""
    urls: dict[str, dict] = {}
    for exercise in catalog_from_dict(catalog_data).exercises:
        if exercise.id not in motions:
            continue
        motion = motions[exercise.id]
        for side in figure_sides(exercise):
            url = page.link_or_none(figure_file(exercise.id, side))
            if url is None:
                continue
            still = still_figure(exercise, motion, side)
            urls.setdefault(exercise.id, {})[side] = {
                "src": url,
                "alt": figure_alt(exercise, motion, side),
                "width": round(still.width),
                "height": round(still.height),
            }
    return urls


def site_root(page) -> str:
    """The site root seen from the page ('../../' from 'lessons/dosing/'; '' from the home page)."""
    depth = page.url.count("/")
    return "../" * depth


def macros(project) -> dict:
    def program_picker(page) -> str:
        catalog = load_catalog_data(project)  # raises DataError: the build stops, problems listed
        motions = load_motions(project, catalog_from_dict(catalog))
        urls = {"exercises": exercise_urls(catalog, page), "figures": figure_urls(catalog, motions, page)}
        session = page.link_or_none(SESSION_PAGE)
        if session is not None:
            urls["session"] = session
        signs = page.link_or_none(WARNING_SIGNS[0])
        if signs is not None:
            urls["warning_signs"] = signs + WARNING_SIGNS[1]
        return render_picker(catalog, site_root(page), urls)

    return {"program_picker": program_picker}
