"""Every internal link and anchor resolves, in both builds: the web build (directory URLs, served)
and the classroom bundle's build (file names, opened from disk or through its launcher). Every
href and src of every built page, not only the navigation: the file exists, and a #fragment names
an id in the target page. In the bundle a link to a folder is broken (opened from disk it shows a
file listing, not a page). Pages are read with the standard library's html.parser.
"""

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


def test_the_checker_sees_links_and_anchors(built_site):
    sample = [parse(page) for page in html_pages(built_site)]
    assert sum(len(p.links) for p in sample) > len(sample)
    assert any("#" in link.url for p in sample for link in p.links)


def test_the_checker_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h1 id="top">A</h1><a href="../b/">b</a><a href="#top">top</a>'
        '<a href="#nowhere">x</a><a href="https://example.org/">out</a>'
    )
    problems = broken_links(tmp_path, [tmp_path / "a" / "index.html"])
    assert problems == ["a/index.html:1: ../b/ -> no such file", "a/index.html:1: #nowhere -> no id 'nowhere' in a/index.html"]


def test_the_checker_reports_a_folder_link_in_a_site_opened_from_disk(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<h1 id="b">B</h1>')
    (tmp_path / "a.html").write_text('<a href="b/">folder</a><a href="b/index.html#b">page</a>')
    assert broken_links(tmp_path, [tmp_path / "a.html"]) == []  # served: a folder is its index.html
    assert broken_links(tmp_path, [tmp_path / "a.html"], folders_are_pages=False) == [
        "a.html:1: b/ -> not a page (a folder, or outside the site)"
    ]


def test_every_link_and_anchor_of_the_web_build_resolves(report, built_site):
    pages = html_pages(built_site)
    assert (built_site / "lessons" / "dosing" / "index.html") in pages
    result = check_links(built_site, pages)
    report(f"links, web build: {len(pages)} pages, {result.checked} internal href/src checked, "
                           f"{result.followed} of them <a> links, {result.fragments} #fragments checked")
    assert result.problems == []
    assert result.followed > len(pages) and result.fragments > 0


def test_every_link_and_anchor_of_the_classroom_bundle_resolves_from_disk(report, unzipped_bundle):
    site = unzipped_bundle / "site"
    pages = html_pages(site)
    assert (site / "lessons" / "dosing.html") in pages  # the offline plugin's file names
    result = check_links(site, pages, folders_are_pages=False)
    report(f"links, bundle build: {len(pages)} pages, {result.checked} internal href/src checked, "
                           f"{result.followed} of them <a> links, {result.fragments} #fragments checked")
    assert result.problems == []
    assert result.followed > len(pages) and result.fragments > 0
