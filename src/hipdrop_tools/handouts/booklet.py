"""The course booklet: one document with a contents page and every lesson and exercise page.

The parts are taken from their pages (ids made unique, links between parts made internal) and
printed as one HTML document, so the booklet keeps Chromium's outline and tagged structure and its
footer counts pages across the whole booklet. The contents page needs the page on which each part
starts: print, read the parts' named destinations back with pypdf, fill the numbers in, print
again (until they no longer change).
"""

from html import escape

from hipdrop_tools.handouts import page_script
from hipdrop_tools.handouts.pdf_files import named_pages
from hipdrop_tools.handouts.plan import Handout
from hipdrop_tools.handouts.printer import Printer
from hipdrop_tools.handouts.site_pages import SiteInfo

MAX_PASSES = 3


def part_slug(path: str) -> str:
    return "part-" + path.strip("/").replace("/", "-")


def front_matter(site: SiteInfo, booklet: Handout, numbers: dict[str, int]) -> str:
    groups: list[tuple[str, list[str]]] = [
        ("Lessons", [p for p in booklet.parts if p.startswith("lessons/")]),
        ("Exercises", [p for p in booklet.parts if p.startswith("exercises/")]),
        ("More", [p for p in booklet.parts if not p.startswith(("lessons/", "exercises/"))]),
    ]
    lists = []
    for name, paths in groups:
        if not paths:
            continue
        items = "".join(
            f'<li><a href="#{part_slug(p)}" class="hd-toc-title">{escape(site.pages[p].title)}</a>'
            '<span class="hd-toc-dots" aria-hidden="true"></span>'
            f'<span class="hd-toc-page">{numbers.get(part_slug(p), "")}</span></li>'
            for p in paths
        )
        lists.append(f"<h2>{name}</h2><ol>{items}</ol>")
    disclaimer = f'<div class="admonition warning"><p>{escape(site.disclaimer)}</p></div>' if site.disclaimer else ""
    return (
        '<section class="hd-booklet-toc">'
        f"<h1>{escape(site.course_title)}</h1>"
        "<p><strong>Course booklet.</strong> Every lesson and exercise page of the course, in order. "
        "The numbers are page numbers in this booklet.</p>"
        f"{disclaimer}{''.join(lists)}</section>"
    )


def _args(site: SiteInfo, path: str, parts: dict[str, str]) -> dict:
    pages = {p: {"title": pg.title, "headings": pg.headings} for p, pg in site.pages.items()}
    return {"slug": parts[path], "pagePath": path, "publicUrl": site.public_url, "pages": pages, "parts": parts}


def print_booklet(printer: Printer, site: SiteInfo, booklet: Handout) -> bytes:
    parts = {path: part_slug(path) for path in booklet.parts}
    htmls = []
    for path in booklet.parts:
        printer.open(path)
        htmls.append({"slug": parts[path], "html": printer.run(page_script.EXTRACT_PART, _args(site, path, parts))})
    numbers: dict[str, int] = {}
    pdf = b""
    for _ in range(MAX_PASSES):
        printer.open("")
        printer.run(
            page_script.COMPOSE_BOOKLET,
            {
                "title": booklet.title,
                "front": front_matter(site, booklet, numbers),
                "parts": htmls,
            },
        )
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
