"""The course booklet: one document with a contents page and every page of the course's handout
sections, section by section.

The parts are taken from their pages (ids made unique, links between parts made internal) and
printed as one HTML document, so the booklet keeps Chromium's outline and tagged structure and its
footer counts pages across the whole booklet. The contents page needs the page on which each part
starts: print, read the parts' named destinations back with pypdf, fill the numbers in, print
again (until they no longer change).
"""

from hipdrop.messages import Messages
from hipdrop_tools.handouts import page_script
from hipdrop_tools.handouts.html import render
from hipdrop_tools.handouts.pdf_files import named_pages
from hipdrop_tools.handouts.plan import Handout, Section
from hipdrop_tools.handouts.printer import Printer
from hipdrop_tools.handouts.site_pages import SiteInfo

MAX_PASSES = 3


def part_slug(path: str) -> str:
    return "part-" + path.strip("/").replace("/", "-")


def front_matter(
    site: SiteInfo, booklet: Handout, sections: tuple[Section, ...], numbers: dict[str, int], texts: Messages
) -> str:
    """The contents page: each section's parts, with the page each starts on when known."""
    groups = []
    for section in sections:
        paths = [p for p in booklet.parts if p.startswith(section.path)]
        if paths:
            parts = [
                {"slug": part_slug(p), "title": site.pages[p].title, "number": numbers.get(part_slug(p), "")}
                for p in paths
            ]
            groups.append({"title": section.title, "parts": parts})
    return render(
        "booklet_front.html", course_title=site.course_title, disclaimer=site.disclaimer, groups=groups, texts=texts
    )


def print_booklet(
    printer: Printer, site: SiteInfo, booklet: Handout, sections: tuple[Section, ...], texts: Messages
) -> bytes:
    parts = {path: part_slug(path) for path in booklet.parts}
    htmls = []
    for path in booklet.parts:
        printer.open(path)
        html = printer.run(page_script.EXTRACT_PART, page_script.part_args(site, path, parts, texts))
        htmls.append({"slug": parts[path], "html": html})
    numbers: dict[str, int] = {}
    pdf = b""
    for _ in range(MAX_PASSES):
        printer.open("")
        front = front_matter(site, booklet, sections, numbers, texts)
        printer.run(page_script.COMPOSE_BOOKLET, {"title": booklet.title, "front": front, "parts": htmls})
        pdf = printer.pdf()
        found = named_pages(pdf)
        new = {slug: found[slug] for slug in parts.values() if slug in found}
        if new == numbers:
            break
        numbers = new
    missing = sorted(set(parts.values()) - set(numbers))
    if missing:
        raise RuntimeError(f"booklet: no page found for {', '.join(missing)} (contents page incomplete)")
    return pdf
