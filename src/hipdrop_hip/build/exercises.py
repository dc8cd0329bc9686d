"""Macros for the exercise library, all generated from ``exercises/catalog.yml``:

- ``exercise("family-id")``: the body of an exercise page (the family's main entry in full, its
  easier and harder versions, dosing by goal, evidence, precautions, sources).
- ``evidence_table()``: exercise, study and %MVIC range for every catalog entry with a figure.
- ``exercise_index()``: the library overview, grouped by phase.
"""

import posixpath

from hipdrop import catalog_html
from hipdrop_tools import page_urls
from hipdrop_tools.catalog import FIGURES_DIR, PAGES_DIR, load_catalog

# Lessons the exercise pages point to (docs-relative paths of the other engineer's lessons).
LESSON_LINKS = {
    "dosing": ("lesson 5, dosing and progressing", "lessons/dosing.md"),
    "red-flags": ("lesson 3, causes and assessment", "lessons/causes-and-assessment.md"),
}


def register(env, project):
    catalog = load_catalog(project)  # raises DataError: the build stops, every problem listed

    def links() -> catalog_html.Links:
        """Addresses from the build's own URL mapping (page_urls), as seen from the page at hand;
        lesson links as Markdown links relative to the page's source, which MkDocs rewrites."""
        urls = page_urls.from_config(env.conf)
        here = env.page.url
        source_dir = posixpath.dirname(env.page.file.src_uri) or "."

        def figure(filename: str) -> str:
            return urls.url(f"{FIGURES_DIR.as_posix()}/{filename}", here)

        def exercise_url(exercise_id: str) -> str:
            entry = catalog.exercise(exercise_id)
            target = urls.url(f"{PAGES_DIR.as_posix()}/{entry.family}.md", here)
            return target + ("" if entry.is_family_main else f"#{entry.id}")

        lessons = {
            key: f"[{label}]({posixpath.relpath(docs_path, source_dir)})"
            for key, (label, docs_path) in LESSON_LINKS.items()
            if (project.docs_dir / docs_path).is_file()
        }
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
