"""Macros for the clinical tables, rendered from the engine so every page states the same rules:

- ``warning_signs(style="box")``: the warning signs by urgency (lesson 3's red-flag box and the
  FAQ: "box"; the home page: "home").
- ``approach_limits()``: the movements each hip-replacement approach limits (lesson 3b).
- ``clinical_rules()``: the body of the clinical rules page (signs, limits and the exercises they
  exclude, doses, course conventions, references).
- ``pain_monitoring_rule()``: the pain-monitoring rule with its caveat (lesson 5), from
  ``hipdrop_course.engine.picker.pain_monitoring``.
- ``pain_stop_rules()``: the rule's four stops as a Markdown list, and whom they send a reader to
  after surgery or a fracture (the session page; ``| indent(4)`` inside an admonition).

Addresses come from the build's own URL mapping (the page's ``link``), never formatted here.
"""

from .catalog import load_catalog
from .engine.picker import pain_monitoring
from .engine.picker.clinical_html import (
    approach_limits_html,
    clinical_rules_html,
    pain_monitoring_html,
    warning_signs_html,
)

# Pages the warning-sign box links to: key -> (docs path, anchor).
LINKS = {
    "red-flags": ("lessons/causes-and-assessment.md", "#red-flags"),
    "clinical-rules": ("clinical-rules.md", ""),
    "program": ("program.md", ""),
}


def page_links(page) -> dict[str, str]:
    links = {}
    for key, (path, anchor) in LINKS.items():
        url = page.link_or_none(path)
        if url is not None:
            links[key] = url + anchor
    return links


def macros(project) -> dict:
    def warning_signs(page, style: str = "box") -> str:
        if style not in ("box", "home"):
            raise ValueError(f"warning_signs(style={style!r}): style must be 'box' or 'home'")
        return warning_signs_html(style, page_links(page))

    def approach_limits(page) -> str:
        return approach_limits_html()

    def clinical_rules(page) -> str:
        return clinical_rules_html(load_catalog(project))  # DataError stops the build, every problem listed

    def pain_monitoring_rule(page) -> str:
        return pain_monitoring_html()

    def pain_stop_rules(page) -> str:
        items = "\n".join(f"- {item}" for item in pain_monitoring.STOP_LIST)
        return f"{items}\n\n{pain_monitoring.AFTER_SURGERY}"

    return {
        "pain_stop_rules": pain_stop_rules,
        "warning_signs": warning_signs,
        "approach_limits": approach_limits,
        "clinical_rules": clinical_rules,
        "pain_monitoring_rule": pain_monitoring_rule,
    }
