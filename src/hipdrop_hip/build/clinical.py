"""Macros for the clinical tables, rendered from the engine so every page states the same rules:

- ``warning_signs(style="box")``: the warning signs by urgency (lesson 3's red-flag box and the
  FAQ: "box"; the home page: "home").
- ``approach_limits()``: the movements each hip-replacement approach limits (lesson 3b).
- ``clinical_rules()``: the body of the clinical rules page (signs, limits and the exercises they
  exclude, doses, course conventions, references).

Addresses come from MkDocs's files (``File.url`` with ``get_relative_url``), never formatted here.
"""

from mkdocs.utils import get_relative_url

from hipdrop.picker.clinical_html import approach_limits_html, clinical_rules_html, warning_signs_html
from hipdrop_tools.catalog import load_catalog

# Pages the warning-sign box links to: key -> (docs path, anchor).
LINKS = {
    "red-flags": ("lessons/causes-and-assessment.md", "#red-flags"),
    "clinical-rules": ("clinical-rules.md", ""),
    "program": ("program.md", ""),
}


def page_links(files, page) -> dict[str, str]:
    links = {}
    for key, (path, anchor) in LINKS.items():
        file = files.get_file_from_path(path) if files else None
        if file is not None:
            links[key] = get_relative_url(file.url, page.url) + anchor
    return links


def register(env, project):
    @env.macro
    def warning_signs(style: str = "box") -> str:
        if style not in ("box", "home"):
            raise ValueError(f"warning_signs(style={style!r}): style must be 'box' or 'home'")
        return warning_signs_html(style, page_links(env.variables.get("files"), env.page))

    @env.macro
    def approach_limits() -> str:
        return approach_limits_html()

    @env.macro
    def clinical_rules() -> str:
        return clinical_rules_html(load_catalog(project))  # DataError stops the build, every problem listed
