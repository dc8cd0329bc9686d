"""The link checker shared by the link tests and the handouts tests: every href and src of
every built page resolves to a file, and every #fragment to an id in the target page."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

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
FOLLOWED = ("a", "area")  # links a reader follows (the rest are resources the page loads)


@dataclass(frozen=True)
class Link:
    url: str
    line: int
    tag: str


@dataclass
class PageLinks(HTMLParser):
    links: list[Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def __post_init__(self):
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in LINK_ATTRS.get(tag, ()):
            if values.get(name):
                self.links.append(Link(values[name].strip(), self.getpos()[0], tag))
        if tag == "img" and values.get("srcset"):
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    self.links.append(Link(candidate.split()[0], self.getpos()[0], tag))

    handle_startendtag = handle_starttag


def parse(path: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def html_pages(site: Path) -> list[Path]:
    """Every built page of either build (``x/index.html`` or ``x.html``), not the assets."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("assets/"))


def target_file(built_site: Path, page: Path, path: str, folders_are_pages: bool = True) -> Path | None:
    """The file a site-internal URL path leads to: as the static server serves it (a folder: its
    index.html), or, with ``folders_are_pages`` False, as a browser opens it from disk (a folder
    is no page: None). None also for a path that leaves the site."""
    base = PurePosixPath(page.relative_to(built_site).as_posix()).parent
    joined = PurePosixPath("/") / base / unquote(path) if not path.startswith("/") else PurePosixPath(unquote(path))
    parts: list[str] = []
    for part in joined.parts[1:]:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    target = built_site.joinpath(*parts)
    if path.endswith("/") or target.is_dir():
        if not folders_are_pages:
            return None
        target = target / "index.html"
    return target


@dataclass
class LinkCheck:
    problems: list[str] = field(default_factory=list)
    checked: int = 0  # internal references (href and src)
    followed: int = 0  # of them, <a href> links a reader can follow
    fragments: int = 0  # of them, with a #fragment checked against the target's ids


def check_links(built_site: Path, pages: list[Path], folders_are_pages: bool = True) -> LinkCheck:
    parsed: dict[Path, PageLinks] = {}

    def links_of(path: Path) -> PageLinks:
        if path not in parsed:
            parsed[path] = parse(path)
        return parsed[path]

    result = LinkCheck()
    for page in pages:
        where = page.relative_to(built_site).as_posix()
        for link in links_of(page).links:
            parts = urlsplit(link.url)
            if parts.scheme or parts.netloc:
                continue  # another host, a mailto: or data: URL: not part of the site
            result.checked += 1
            result.followed += link.tag in FOLLOWED
            target = page if not parts.path else target_file(built_site, page, parts.path, folders_are_pages)
            if target is None or not target.is_file():
                what = "no such file" if target is not None else "not a page (a folder, or outside the site)"
                result.problems.append(f"{where}:{link.line}: {link.url} -> {what}")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                result.fragments += 1
                if fragment not in links_of(target).ids:
                    result.problems.append(f"{where}:{link.line}: {link.url} -> no id '{fragment}' in {target.relative_to(built_site)}")
    return result


def broken_links(built_site: Path, pages: list[Path], folders_are_pages: bool = True) -> list[str]:
    return check_links(built_site, pages, folders_are_pages).problems
