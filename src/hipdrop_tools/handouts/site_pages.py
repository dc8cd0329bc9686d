"""Read what the handouts need from the built site: the course title, its language, the
disclaimer, the nav order, and for each page its title, headings, quizzes and widgets.
Standard-library HTML parsing only; nothing here knows about MkDocs beyond the class names its
theme writes into the pages."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


@dataclass(frozen=True)
class SitePage:
    path: str  # site-relative URL path: "" for the home page, "lessons/x/" for a page
    title: str  # the page's h1, as the reader sees it
    headings: dict[str, str]  # heading id -> heading text (h1 to h3)
    quizzes: tuple[str, ...]  # quiz bank ids, in page order
    quiz_titles: dict[str, str]
    widgets: tuple[str, ...]  # the kinds of the page's widgets (data-hipdrop-widget), in page order


@dataclass(frozen=True)
class SiteInfo:
    course_title: str
    language: str  # the home page's <html lang>: the handouts' words are in it
    disclaimer: str
    public_url: str | None  # the site's public address when site_url is set (canonical links)
    nav: tuple[str, ...]  # page paths in navigation order
    pages: dict[str, SitePage] = field(default_factory=dict)


class _PageParser(HTMLParser):
    """One pass over a built page: title, h1-h3 text, nav links, quizzes, footer disclaimer."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.language = ""
        self.canonical: str | None = None
        self.headings: dict[str, str] = {}
        self.h1 = ""
        self.nav_links: list[str] = []
        self.quizzes: list[str] = []
        self.quiz_titles: dict[str, str] = {}
        self.widgets: list[str] = []
        self.disclaimer = ""
        self._in_title = False
        self._heading: tuple[str, str] | None = None  # (tag, id)
        self._heading_text: list[str] = []
        self._skip_depth = 0  # inside a headerlink anchor
        self._primary_nav_depth = 0
        self._depth = 0
        self._disclaimer_depth = 0
        self._disclaimer_text: list[str] = []
        self._quiz_title_for: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag in {"meta", "link", "input", "img", "br", "hr", "source", "col", "wbr"}:
            if tag == "link" and a.get("rel") == "canonical":
                self.canonical = a.get("href")
            return
        self._depth += 1
        if tag == "html" and not self.language:
            self.language = a.get("lang") or ""
        if tag == "title":
            self._in_title = True
        if tag == "nav" and "md-nav--primary" in classes and not self._primary_nav_depth:
            self._primary_nav_depth = self._depth
        if tag == "a" and self._primary_nav_depth and "md-nav__link" in classes and a.get("href"):
            self.nav_links.append(a["href"])
        if tag in {"h1", "h2", "h3"} and self._heading is None:
            self._heading = (tag, a.get("id") or "")
            self._heading_text = []
            if "hd-quiz-title" in classes and self.quizzes:
                self._quiz_title_for = self.quizzes[-1]
        if tag == "a" and "headerlink" in classes:
            self._skip_depth = self._depth
        if a.get("data-hipdrop-widget") == "quiz" and a.get("data-quiz"):
            self.quizzes.append(a["data-quiz"])
        if a.get("data-hipdrop-widget"):
            self.widgets.append(a["data-hipdrop-widget"])
        if "md-copyright__highlight" in classes:
            self._disclaimer_depth = self._depth

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if self._heading and tag == self._heading[0]:
            level, ident = self._heading
            text = " ".join("".join(self._heading_text).split())
            if level == "h1" and not self.h1:
                self.h1 = text
            if ident:
                self.headings.setdefault(ident, text)
            if self._quiz_title_for:
                self.quiz_titles[self._quiz_title_for] = text
                self._quiz_title_for = None
            self._heading = None
        if self._skip_depth == self._depth:
            self._skip_depth = 0
        if self._disclaimer_depth == self._depth:
            self._disclaimer_depth = 0
            self.disclaimer = " ".join("".join(self._disclaimer_text).split())
        if self._primary_nav_depth == self._depth:
            self._primary_nav_depth = -1  # the first primary nav only
        self._depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._heading and not self._skip_depth:
            self._heading_text.append(data)
        if self._disclaimer_depth:
            self._disclaimer_text.append(data)


def _parse(html_file: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(html_file.read_text(encoding="utf-8"))
    parser.close()
    return parser


def page_file(site_dir: Path, path: str) -> Path:
    return site_dir / path / "index.html"


def _site_path(href: str, from_path: str) -> str | None:
    """A link from the page at ``from_path`` -> the target's site path, or None if external."""
    base = "http://site.invalid/" + from_path
    target = urlsplit(urljoin(base, href))
    if target.netloc != "site.invalid":
        return None
    path = target.path.lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    if path and not path.endswith("/"):
        path += "/"
    return path


def read_page(site_dir: Path, path: str) -> SitePage:
    parsed = _parse(page_file(site_dir, path))
    return SitePage(
        path=path,
        title=parsed.h1 or parsed.title.strip(),
        headings=parsed.headings,
        quizzes=tuple(parsed.quizzes),
        quiz_titles=parsed.quiz_titles,
        widgets=tuple(parsed.widgets),
    )


def all_page_paths(site_dir: Path) -> list[str]:
    """Every built page (a folder with index.html), skipping the site's own asset folders."""
    paths = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "search/")) or rel in {"assets", "search"}:
            continue
        paths.append("" if rel == "." else rel + "/")
    return paths


def read_site(site_dir: Path) -> SiteInfo:
    """The course as built: nav order first, then any built page the nav does not list."""
    home = page_file(site_dir, "")
    if not home.is_file():
        raise FileNotFoundError(f"{home}: no built site here (run `mkdocs build` first)")
    parsed = _parse(home)
    nav: list[str] = []
    for href in parsed.nav_links:
        path = _site_path(href, "")
        if path is not None and path not in nav and page_file(site_dir, path).is_file():
            nav.append(path)
    for path in all_page_paths(site_dir):
        if path not in nav:
            nav.append(path)
    public_url = parsed.canonical if parsed.canonical and parsed.canonical.startswith("http") else None
    pages = {path: read_page(site_dir, path) for path in nav}
    return SiteInfo(
        course_title=parsed.title.strip() or "The course",
        language=parsed.language or "en",
        disclaimer=parsed.disclaimer,
        public_url=public_url,
        nav=tuple(nav),
        pages=pages,
    )
