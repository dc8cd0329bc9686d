"""What to print: a plan of handouts made from the built site, in the course's nav order.

- one PDF per lesson (pages under lessons/) and per exercise page (under exercises/, not its index);
- the course booklet: every lesson, then every exercise page;
- for each quiz bank found on a page, a worksheet and its answer key;
- a blank program template from the page that holds the program picker.
"""

import re
from dataclasses import dataclass

from hipdrop_tools.handouts.site_pages import SiteInfo

KINDS = ("lesson", "exercise", "booklet", "worksheet", "key", "template")
BOOKLET_FILE = "hip-drop-course-booklet.pdf"


@dataclass(frozen=True)
class Handout:
    filename: str  # in site/handouts/
    title: str  # the PDF's title (metadata, header, outline root)
    kind: str  # one of KINDS
    page: str  # site path of the page printed ("" for the booklet)
    mode: str = "page"  # html[data-hd-print]: page, worksheet, key, template, booklet
    quiz: str | None = None  # the bank id, for worksheets and keys
    parts: tuple[str, ...] = ()  # the booklet's pages, in order


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _leaf(path: str) -> str:
    return _slug(path.rstrip("/").split("/")[-1])


def lesson_pages(site: SiteInfo) -> list[str]:
    return [p for p in site.nav if p.startswith("lessons/") and p != "lessons/"]


def exercise_pages(site: SiteInfo) -> list[str]:
    return [p for p in site.nav if p.startswith("exercises/") and p != "exercises/"]


def make_plan(site: SiteInfo) -> list[Handout]:
    plan: list[Handout] = []
    lessons, exercises = lesson_pages(site), exercise_pages(site)
    for path in lessons:
        plan.append(Handout(f"lesson-{_leaf(path)}.pdf", site.pages[path].title, "lesson", path))
    for path in exercises:
        plan.append(Handout(f"exercise-{_leaf(path)}.pdf", site.pages[path].title, "exercise", path))
    if lessons or exercises:
        plan.append(
            Handout(
                BOOKLET_FILE,
                f"{site.course_title}: course booklet",
                "booklet",
                "",
                mode="booklet",
                parts=tuple(lessons + exercises),
            )
        )
    seen: set[str] = set()
    for path in site.nav:
        page = site.pages[path]
        for bank in page.quizzes:
            if bank in seen:
                continue
            seen.add(bank)
            name = page.quiz_titles.get(bank) or page.title
            plan.append(
                Handout(
                    f"quiz-{_slug(bank)}-worksheet.pdf",
                    f"Worksheet: {name}",
                    "worksheet",
                    path,
                    mode="worksheet",
                    quiz=bank,
                )
            )
            plan.append(
                Handout(f"quiz-{_slug(bank)}-answer-key.pdf", f"Answer key: {name}", "key", path, mode="key", quiz=bank)
            )
    picker = next((p for p in site.nav if site.pages[p].has_picker), None)
    if picker is not None:
        plan.append(
            Handout("program-template.pdf", "Exercise program: blank form", "template", picker, mode="template")
        )
    return plan
