"""What to print: a plan of handouts made from the built site, in the course's nav order.

The course says what it prints (the plugin's ``handouts`` option, ``HandoutOptions``):

- one PDF per page of each of its ``sections`` (the pages under a folder, not its index), named
  ``<file_prefix>-<page>.pdf`` and listed under the section's title;
- with ``booklet`` on, the booklet: every page of the sections in one document, named after the
  course (``<course_file_stem>-booklet.pdf``);

and for any course, for each quiz bank found on a page, a worksheet and its answer key. A course's
packs may add handouts of their own (``Pack.handouts``). The words (titles, headings) come from the
site's message catalog.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from hipdrop.messages import Messages
from hipdrop_tools.handouts.site_pages import SiteInfo

# The core's kinds; a pack's handout has a kind of its own.
PAGE, BOOKLET, WORKSHEET, KEY = "page", "booklet", "worksheet", "key"


@dataclass(frozen=True)
class Section:
    """A folder of the course whose pages are printed one by one (and make up the booklet)."""

    path: str  # site path of the folder: "lessons/"
    title: str  # its heading on the Handouts page and in the booklet's contents
    file_prefix: str  # each page's PDF: "<file_prefix>-<page>.pdf"


@dataclass(frozen=True)
class HandoutOptions:
    sections: tuple[Section, ...] = ()
    booklet: bool = True
    booklet_file: str = "course-booklet.pdf"


@dataclass(frozen=True)
class Handout:
    filename: str  # in site/handouts/
    title: str  # the PDF's title (metadata, header, outline root)
    kind: str  # PAGE, BOOKLET, WORKSHEET, KEY, or a pack's own
    page: str  # site path of the page printed ("" for the booklet)
    group: str  # the heading it is listed under on the Handouts page
    mode: str = "page"  # html[data-hd-print]: page, worksheet, key, booklet, or a pack's own
    quiz: str | None = None  # the bank id, for worksheets and keys
    parts: tuple[str, ...] = ()  # the booklet's pages, in order
    # A pack's handout: a module of its assets (path under assets/hipdrop/) whose
    # ``prepare(article, script_args)`` readies the page for paper, and what it is given.
    script: str | None = None
    script_args: Mapping[str, object] = field(default_factory=dict)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _leaf(path: str) -> str:
    return _slug(path.rstrip("/").split("/")[-1])


def section_pages(site: SiteInfo, section: Section) -> list[str]:
    return [p for p in site.nav if p.startswith(section.path) and p != section.path]


def make_plan(site: SiteInfo, options: HandoutOptions, texts: Messages, extra: Iterable[Handout] = ()) -> list[Handout]:
    """Every handout of the course: the sections' pages, the booklet, the quizzes', then ``extra``
    (the packs')."""
    plan: list[Handout] = []
    parts: list[str] = []
    for section in options.sections:
        for path in section_pages(site, section):
            name = f"{section.file_prefix}-{_leaf(path)}.pdf"
            plan.append(Handout(name, site.pages[path].title, PAGE, path, group=section.title))
            parts.append(path)
    if options.booklet and parts:
        title = texts.format("handouts.booklet.title", course=site.course_title)
        group = texts["handouts.group.booklet"]
        plan.append(Handout(options.booklet_file, title, BOOKLET, "", group, mode=BOOKLET, parts=tuple(parts)))
    plan += quiz_handouts(site, texts)
    plan += extra
    return plan


def quiz_handouts(site: SiteInfo, texts: Messages) -> list[Handout]:
    """A worksheet and an answer key for each quiz bank, where it first appears in the course."""
    group = texts["handouts.group.quizzes"]
    handouts: list[Handout] = []
    seen: set[str] = set()
    for path in site.nav:
        page = site.pages[path]
        for bank in page.quizzes:
            if bank in seen:
                continue
            seen.add(bank)
            name = page.quiz_titles.get(bank) or page.title
            stem = f"quiz-{_slug(bank)}"
            worksheet = texts.format("handouts.worksheet.title", name=name)
            key = texts.format("handouts.key.title", name=name)
            handouts.append(Handout(f"{stem}-worksheet.pdf", worksheet, WORKSHEET, path, group, WORKSHEET, bank))
            handouts.append(Handout(f"{stem}-answer-key.pdf", key, KEY, path, group, KEY, bank))
    return handouts
