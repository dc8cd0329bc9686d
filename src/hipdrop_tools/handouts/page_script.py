"""What the page preparation script (``js/page.js``, an ES module) is given for each handout.

The printer imports ``js/page.js`` into the page it has opened and calls one of its exports:
``prepare`` (a page, a worksheet, a key, or a pack's handout with its own module), ``extractPart``
and ``composeBooklet`` (the booklet). These functions build their arguments: the handout, the
site's pages and headings (for links on paper), and the words the script shows, from the catalog.
"""

from pathlib import Path

from hipdrop.messages import Messages
from hipdrop_tools.handouts.plan import Handout
from hipdrop_tools.handouts.site_pages import SiteInfo

SCRIPT = Path(__file__).parent / "js" / "page.js"
PREPARE, EXTRACT_PART, COMPOSE_BOOKLET = "prepare", "extractPart", "composeBooklet"


def words(texts: Messages) -> dict[str, str]:
    """The script's words: a link on paper to a section of another page."""
    return {"pageSection": texts["handouts.link.section"]}


def pages(site: SiteInfo) -> dict[str, dict]:
    return {p: {"title": pg.title, "headings": pg.headings} for p, pg in site.pages.items()}


def prepare_args(site: SiteInfo, handout: Handout, texts: Messages, script_url: str | None = None) -> dict:
    """What ``prepare`` needs to know about a handout and the site; ``script_url``: the address of
    the pack's module for this handout (``Handout.script``)."""
    page = site.pages.get(handout.page)
    return {
        "mode": handout.mode,
        "title": handout.title,
        "quiz": handout.quiz,
        "from": texts.format("handouts.from", page=page.title) if page else "",
        "script": script_url,
        "scriptArgs": dict(handout.script_args),
        "pagePath": handout.page,
        "publicUrl": site.public_url,
        "pages": pages(site),
        "words": words(texts),
    }


def part_args(site: SiteInfo, path: str, parts: dict[str, str], texts: Messages) -> dict:
    """What ``extractPart`` needs for the booklet's part from the page at ``path``."""
    return {
        "slug": parts[path],
        "pagePath": path,
        "publicUrl": site.public_url,
        "pages": pages(site),
        "parts": parts,
        "words": words(texts),
    }
