"""Tell readers what was printed, from the files themselves: a manifest (handouts.json), the list
on the Handouts page (a marked block in site/handouts/index.html, rewritten on every run) and a
"PDF" link on each lesson and exercise page. Sizes and page counts are read from the shipped PDFs."""

import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from mkdocs.utils import get_relative_url

from hipdrop_tools.handouts.pdf_files import facts
from hipdrop_tools.handouts.plan import Handout
from hipdrop_tools.handouts.site_pages import SiteInfo, page_file

HANDOUTS_DIR = "handouts"
# The Handouts page (docs/handouts.md), at the address MkDocs gave it in the web build, where the
# PDFs are printed; page addresses (``Handout.page``) come from the built site's own navigation.
# Links between them: ``get_relative_url``, as MkDocs makes them.
HANDOUTS_PAGE = f"{HANDOUTS_DIR}/"
MANIFEST = "handouts.json"
LIST_START, LIST_END = "<!-- hipdrop:handouts:start -->", "<!-- hipdrop:handouts:end -->"
LINK_START, LINK_END = "<!-- hipdrop:pdf-link -->", "<!-- /hipdrop:pdf-link -->"
SECTIONS = (
    ("booklet", "Course booklet"),
    ("lesson", "Lessons"),
    ("exercise", "Exercises"),
    ("worksheet", "Quiz worksheets and answer keys"),
    ("template", "Program template"),
)


@dataclass(frozen=True)
class Listed:
    handout: Handout
    pages: int
    size: int


def human_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def describe(item: Listed) -> str:
    pages = "1 page" if item.pages == 1 else f"{item.pages} pages"
    return f"{pages}, {human_size(item.size)}"


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


def _row(item: Listed, site: SiteInfo) -> str:
    h = item.handout
    pdf = f'<a href="{escape(h.filename)}" type="application/pdf">{escape(h.title)} (PDF)</a>'
    page = ""
    if h.page in site.pages:
        page = f'<a href="{escape(get_relative_url(h.page, HANDOUTS_PAGE))}">{escape(site.pages[h.page].title)}</a>'
    return f"<tr><td>{pdf}</td><td>{page}</td><td>{item.pages}</td><td>{human_size(item.size)}</td></tr>"


def list_html(listed: list[Listed], site: SiteInfo, paper: str) -> str:
    paper_name = "A4" if paper == "a4" else "US Letter"
    blocks = [f'<p class="hd-handouts-paper">Paper size of these files: {paper_name}.</p>']
    for kind, heading in SECTIONS:
        kinds = {kind, "key"} if kind == "worksheet" else {kind}
        rows = [i for i in listed if i.handout.kind in kinds]
        if not rows:
            continue
        body = "".join(_row(i, site) for i in rows)
        blocks.append(
            f"<h3>{escape(heading)}</h3>"
            '<table><thead><tr><th scope="col">PDF</th><th scope="col">On the site</th>'
            '<th scope="col">Pages</th><th scope="col">Size</th></tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )
    return "".join(blocks)


def _replace_block(html: str, start: str, end: str, content: str) -> str | None:
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if not pattern.search(html):
        return None
    return pattern.sub(lambda _: start + content + end, html, count=1)


def write_handouts_page(site_dir: Path, listed: list[Listed], site: SiteInfo, paper: str) -> bool:
    """Fill the Handouts page's marked block; False when the site has no such page."""
    page = site_dir / HANDOUTS_DIR / "index.html"
    if not page.is_file():
        return False
    html = page.read_text(encoding="utf-8")
    new = _replace_block(html, LIST_START, LIST_END, list_html(listed, site, paper))
    if new is None:
        return False
    page.write_text(new, encoding="utf-8")
    return True


PLACEHOLDER = "The PDFs have not been built"  # docs/handouts.md, until this runs
SEARCH_MARK = "<p>The handouts, as PDF files:</p>"  # what replaces it (found again on the next run)


def update_search_index(site_dir: Path, listed: list[Listed]) -> bool:
    """The search index still holds the Handouts page's placeholder: put the list there instead."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return False
    data = json.loads(index.read_text(encoding="utf-8"))
    text = SEARCH_MARK + "".join(f"<p>{escape(i.handout.title)} ({describe(i)}, PDF)</p>" for i in listed)
    changed = False
    for doc in data.get("docs", []):
        found = doc.get("text", "")
        if doc.get("location", "").startswith(f"{HANDOUTS_DIR}/") and (PLACEHOLDER in found or SEARCH_MARK in found):
            doc["text"] = text
            changed = True
    if changed:
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed


_H1_END = re.compile(r"</h1>")


def link_pages(site_dir: Path, listed: list[Listed], paper: str) -> int:
    """Put a link to its PDF under the title of each lesson and exercise page. Returns how many."""
    paper_name = "A4" if paper == "a4" else "US Letter"
    done = 0
    for item in listed:
        h = item.handout
        if h.kind not in {"lesson", "exercise"}:
            continue
        file = page_file(site_dir, h.page)
        html = file.read_text(encoding="utf-8")
        pdf = get_relative_url(f"{HANDOUTS_DIR}/{h.filename}", h.page)
        link = (
            f'<p class="hd-pdf-link"><a href="{escape(pdf)}">'
            f"Download this page as a PDF</a> ({paper_name}, {describe(item)}). "
            f'<a href="{escape(get_relative_url(HANDOUTS_PAGE, h.page))}">All handouts</a></p>'
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
