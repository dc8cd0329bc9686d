"""Macro ``program_picker()``: the program picker's form as static HTML, with the exercise catalog
embedded for the worker; the picker widget builds the program in the browser."""

from mkdocs.utils import get_relative_url

from hipdrop.picker.form import render_picker
from hipdrop_tools.catalog import load_catalog_data


def register(env, project):
    @env.macro
    def program_picker() -> str:
        catalog = load_catalog_data(project)  # raises DataError: the build stops, problems listed
        base_url = get_relative_url("x", env.page.url)[:-1]  # the site root, seen from this page
        return render_picker(catalog, base_url)
