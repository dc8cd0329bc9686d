"""Macros for the exercise library, all generated from ``exercises/catalog.yml``:

- ``exercise("family-id")``: the body of an exercise page (the family's main entry in full, its
  easier and harder versions, dosing by goal, evidence, precautions, sources).
- ``evidence_table()``: exercise, study and %MVIC range for every catalog entry with a figure.
- ``exercise_index()``: the library overview, grouped by phase.
"""

from mkdocs.utils import get_relative_url

from hipdrop import catalog_html
from hipdrop_tools.catalog import FIGURES_DIR, PAGES_DIR, load_catalog

# Lessons the exercise pages point to (docs-relative paths of the other engineer's lessons).
LESSON_LINKS = {
    "dosing": ("lesson 5, dosing and progressing", "lessons/dosing.md"),
    "red-flags": ("lesson 3, causes and assessment", "lessons/causes-and-assessment.md"),
}


def register(env, project):
    catalog = load_catalog(project)  # raises DataError: the build stops, every problem listed

    def links() -> catalog_html.Links:
        here = env.page.url
        page_dir = env.page.file.src_uri.rsplit("/", 1)[0] if "/" in env.page.file.src_uri else ""

        def figure(filename: str) -> str:
            return get_relative_url(f"{FIGURES_DIR.as_posix()}/{filename}", here)

        def exercise_url(exercise_id: str) -> str:
            entry = catalog.exercise(exercise_id)
            target = get_relative_url(f"{PAGES_DIR.as_posix()}/{entry.family}/", here)
            return target + ("" if entry.is_family_main else f"#{entry.id}")

        lessons = {}
        for key, (label, docs_path) in LESSON_LINKS.items():
            if (project.docs_dir / docs_path).is_file():
                depth = page_dir.count("/") + 1 if page_dir else 0
                lessons[key] = f"[{label}]({'../' * depth}{docs_path})"
        return catalog_html.Links(figure=figure, exercise=exercise_url, lessons=lessons)

    @env.macro
    def exercise(family_id: str) -> str:
        try:
            entry = catalog.exercise(family_id)
        except KeyError:
            known = ", ".join(f.id for f in catalog.families())
            raise KeyError(f"exercise('{family_id}'): no such family in exercises/catalog.yml (families: {known})") from None
        if not entry.is_family_main:
            raise KeyError(f"exercise('{family_id}'): '{family_id}' is a version shown on the page of '{entry.family}'")
        return catalog_html.exercise_page(catalog, family_id, links())

    @env.macro
    def evidence_table() -> str:
        return catalog_html.evidence_table(catalog, links())

    @env.macro
    def exercise_index() -> str:
        return catalog_html.exercise_index(catalog, links())
