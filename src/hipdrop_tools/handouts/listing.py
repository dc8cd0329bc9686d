"""Tell readers what was printed, from the files themselves: a manifest (handouts.json), the list
on the Handouts page (a marked block in site/handouts/index.html, rewritten on every run) and a
"PDF" link on each page printed on its own. Sizes and page counts are read from the shipped PDFs;
the words come from the site's message catalog, the HTML from the templates (``html.py``)."""

import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from mkdocs.utils import get_relative_url

from hipdrop.messages import Messages
from hipdrop_tools.handouts.html import render
from hipdrop_tools.handouts.pdf_files import facts
from hipdrop_tools.handouts.plan import BOOKLET, PAGE, Handout
from hipdrop_tools.handouts.site_pages import SiteInfo, page_file

HANDOUTS_DIR = "handouts"
# The Handouts page (docs/handouts.md), at the address MkDocs gave it in the web build, where the
# PDFs are printed; page addresses (``Handout.page``) come from the built site's own navigation.
# Links between them: ``get_relative_url``, as MkDocs makes them.
HANDOUTS_PAGE = f"{HANDOUTS_DIR}/"
MANIFEST = "handouts.json"
LIST_START, LIST_END = "<!-- hipdrop:handouts:start -->", "<!-- hipdrop:handouts:end -->"
LINK_START, LINK_END = "<!-- hipdrop:pdf-link -->", "<!-- /hipdrop:pdf-link -->"


@dataclass(frozen=True)
class Listed:
    handout: Handout
    pages: int
    size: int


def human_size(size: int, texts: Messages) -> str:
    if size < 1024 * 1024:
        return texts.format("handouts.size.kb", n=max(1, round(size / 1024)))
    return texts.format("handouts.size.mb", n=texts.number(f"{size / (1024 * 1024):.1f}"))


def page_count(pages: int, texts: Messages) -> str:
    return texts["handouts.pages.one"] if pages == 1 else texts.format("handouts.pages.many", n=pages)


def paper_name(paper: str, texts: Messages) -> str:
    return texts[f"handouts.paper.{paper}"]


def collect(out_dir: Path, plan: list[Handout]) -> list[Listed]:
    listed = []
    for handout in plan:
        found = facts(out_dir / handout.filename)
        listed.append(Listed(handout, found.pages, found.size))
    return listed


def write_manifest(out_dir: Path, listed: list[Listed], paper: str) -> Path:
    data = {
        "paper": paper,
        "files": [
            {
                "file": i.handout.filename,
                "title": i.handout.title,
                "kind": i.handout.kind,
                "group": i.handout.group,
                "page": i.handout.page,
                "quiz": i.handout.quiz,
                "pages": i.pages,
                "bytes": i.size,
            }
            for i in listed
        ],
    }
    path = out_dir / MANIFEST
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def groups(listed: list[Listed]) -> list[tuple[str, list[Listed]]]:
    """The handouts by their ``group``: the booklet's first, then the others in the plan's order."""
    found: dict[str, list[Listed]] = {}
    for item in sorted(listed, key=lambda i: i.handout.kind != BOOKLET):  # stable: the plan's order
        found.setdefault(item.handout.group, []).append(item)
    return list(found.items())


def list_html(listed: list[Listed], site: SiteInfo, paper: str, texts: Messages) -> str:
    tables = []
    for title, items in groups(listed):
        rows = []
        for item in items:
            h = item.handout
            page = site.pages.get(h.page)
            rows.append(
                {
                    "file": h.filename,
                    "title": h.title,
                    "page_url": get_relative_url(h.page, HANDOUTS_PAGE) if page else "",
                    "page_title": page.title if page else "",
                    "pages": item.pages,
                    "size": human_size(item.size, texts),
                }
            )
        tables.append({"title": title, "rows": rows})
    return render("handouts_list.html", paper=paper_name(paper, texts), groups=tables, texts=texts)


def _replace_block(html: str, start: str, end: str, content: str) -> str | None:
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if not pattern.search(html):
        return None
    return pattern.sub(lambda _: start + content + end, html, count=1)


def write_handouts_page(site_dir: Path, listed: list[Listed], site: SiteInfo, paper: str, texts: Messages) -> bool:
    """Fill the Handouts page's marked block; False when the site has no such page."""
    page = site_dir / HANDOUTS_DIR / "index.html"
    if not page.is_file():
        return False
    html = page.read_text(encoding="utf-8")
    new = _replace_block(html, LIST_START, LIST_END, list_html(listed, site, paper, texts))
    if new is None:
        return False
    page.write_text(new, encoding="utf-8")
    return True


PLACEHOLDER = "The PDFs have not been built"  # docs/handouts.md of a course, until this runs


def update_search_index(site_dir: Path, listed: list[Listed], texts: Messages) -> bool:
    """The search index still holds the Handouts page's placeholder (or the list of an earlier
    run): put the list there instead."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return False
    data = json.loads(index.read_text(encoding="utf-8"))
    mark = f"<p>{escape(texts['handouts.search.intro'])}</p>"  # found again on the next run
    items = [
        texts.format(
            "handouts.search.item",
            title=i.handout.title,
            pages=page_count(i.pages, texts),
            size=human_size(i.size, texts),
        )
        for i in listed
    ]
    text = mark + "".join(f"<p>{escape(item)}</p>" for item in items)
    changed = False
    for doc in data.get("docs", []):
        found = doc.get("text", "")
        if doc.get("location", "").startswith(f"{HANDOUTS_DIR}/") and (PLACEHOLDER in found or mark in found):
            doc["text"] = text
            changed = True
    if changed:
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed


_H1_END = re.compile(r"</h1>")


def link_pages(site_dir: Path, listed: list[Listed], paper: str, texts: Messages) -> int:
    """Put a link to its PDF under the title of each page printed on its own. Returns how many."""
    done = 0
    for item in listed:
        h = item.handout
        if h.kind != PAGE:
            continue
        file = page_file(site_dir, h.page)
        html = file.read_text(encoding="utf-8")
        link = render(
            "pdf_link.html",
            pdf=get_relative_url(f"{HANDOUTS_DIR}/{h.filename}", h.page),
            all_handouts=get_relative_url(HANDOUTS_PAGE, h.page),
            paper=paper_name(paper, texts),
            pages=page_count(item.pages, texts),
            size=human_size(item.size, texts),
            texts=texts,
        )
        new = _replace_block(html, LINK_START, LINK_END, link)
        if new is None:
            article = html.find("md-content__inner")
            match = _H1_END.search(html, article if article >= 0 else 0)
            if match is None:
                continue
            new = html[: match.end()] + LINK_START + link + LINK_END + html[match.end() :]
        file.write_text(new, encoding="utf-8")
        done += 1
    return done
