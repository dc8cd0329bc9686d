"""Every internal link and anchor in the built site resolves: the file exists, and a #fragment
names an id in the target page. Pages are read with the standard library's html.parser."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest

# Attributes that point at another resource, by tag.
LINK_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}


@dataclass
class PageLinks(HTMLParser):
    links: list[tuple[str, int]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def __post_init__(self):
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in LINK_ATTRS.get(tag, ()):
            if values.get(name):
                self.links.append((values[name].strip(), self.getpos()[0]))
        if tag == "img" and values.get("srcset"):
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    self.links.append((candidate.split()[0], self.getpos()[0]))

    handle_startendtag = handle_starttag


def parse(path: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def page_files(built_site: Path, all_pages: list[str]) -> list[Path]:
    pages = [built_site / path / "index.html" for path in all_pages]
    if (built_site / "404.html").exists():
        pages.append(built_site / "404.html")
    return pages


def target_file(built_site: Path, page: Path, path: str) -> Path | None:
    """The file a site-internal URL path leads to, as the static server would serve it."""
    base = PurePosixPath(page.relative_to(built_site).as_posix()).parent
    joined = PurePosixPath("/") / base / unquote(path) if not path.startswith("/") else PurePosixPath(unquote(path))
    parts: list[str] = []
    for part in joined.parts[1:]:
        if part == "..":
            if not parts:
                return None  # leaves the site
            parts.pop()
        elif part != ".":
            parts.append(part)
    target = built_site.joinpath(*parts)
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(built_site: Path, pages: list[Path]) -> list[str]:
    parsed: dict[Path, PageLinks] = {}

    def links_of(path: Path) -> PageLinks:
        if path not in parsed:
            parsed[path] = parse(path)
        return parsed[path]

    problems = []
    for page in pages:
        where = page.relative_to(built_site).as_posix()
        for url, line in links_of(page).links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # another host, a mailto: or data: URL: not part of the site
            target = page if not parts.path else target_file(built_site, page, parts.path)
            if target is None or not target.is_file():
                problems.append(f"{where}:{line}: {url} -> no such file")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in links_of(target).ids:
                problems.append(f"{where}:{line}: {url} -> no id '{fragment}' in {target.relative_to(built_site)}")
    return problems


@pytest.fixture(scope="module")
def pages(built_site, all_pages):
    return page_files(built_site, all_pages)


def test_the_checker_sees_links_and_anchors(pages):
    sample = [parse(page) for page in pages]
    assert sum(len(p.links) for p in sample) > len(pages)
    assert any("#" in url for p in sample for url, _ in p.links)


def test_the_checker_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h1 id="top">A</h1><a href="../b/">b</a><a href="#top">top</a>'
        '<a href="#nowhere">x</a><a href="https://example.org/">out</a>'
    )
    problems = broken_links(tmp_path, [tmp_path / "a" / "index.html"])
    assert problems == ["a/index.html:1: ../b/ -> no such file", "a/index.html:1: #nowhere -> no id 'nowhere' in a/index.html"]


def test_every_internal_link_and_anchor_resolves(built_site, pages):
    assert broken_links(built_site, pages) == []
