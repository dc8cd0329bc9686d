"""Macro ``program_picker()``: the program picker's form as static HTML, with the exercise catalog
embedded for the worker; the picker widget builds the program in the browser.

The addresses of the exercise pages come from MkDocs's own ``File`` objects (``File.url``, seen
from this page with ``get_relative_url``), so they are right with folder URLs and with the
classroom bundle's file names alike; the engine only looks them up.
"""

from mkdocs.utils import get_relative_url

from hipdrop.catalog import catalog_from_dict
from hipdrop.picker.form import render_picker
from hipdrop_tools.catalog import FIGURES_DIR, PAGES_DIR, load_catalog_data


def exercise_urls(catalog_data: dict, files, page) -> dict[str, str]:
    """Exercise id -> address of its page seen from ``page``: the family page, plus ``#id`` for a version."""
    catalog = catalog_from_dict(catalog_data)
    urls = {}
    for exercise in catalog.exercises:
        file = files.get_file_from_path(f"{PAGES_DIR.as_posix()}/{exercise.family}.md") if files else None
        if file is None:
            continue
        url = get_relative_url(file.url, page.url)
        urls[exercise.id] = url if exercise.is_family_main else f"{url}#{exercise.id}"
    return urls


def figure_urls(catalog_data: dict, files, page) -> dict[str, str]:
    """Illustration file name -> its address seen from ``page``, from MkDocs's files."""
    urls = {}
    for name in sorted({e["illustration"] for e in catalog_data["exercises"]}):
        file = files.get_file_from_path(f"{FIGURES_DIR.as_posix()}/{name}") if files else None
        if file is not None:
            urls[name] = get_relative_url(file.url, page.url)
    return urls


def register(env, project):
    @env.macro
    def program_picker() -> str:
        catalog = load_catalog_data(project)  # raises DataError: the build stops, problems listed
        base_url = get_relative_url("x", env.page.url)[:-1]  # the site root, seen from this page
        files = env.variables.get("files")
        urls = {"exercises": exercise_urls(catalog, files, env.page),
                "figures": figure_urls(catalog, files, env.page)}
        return render_picker(catalog, base_url, urls)
