"""``hipdrop verify``: check a built site folder and list every problem, file by file.

A site is only a course if every page that holds a widget can start Python: the page names the
engine's lock and the Pyodide folder (meta tags the build adds), those files are there (the lock's
wheels too, with the sha256 the lock gives them), and the bridge script that starts the worker is
loaded. A build whose engine or plugin left that out still
looks like a site, so this check is what makes it fail loudly. It also checks what every page
needs (the Content-Security-Policy meta tag, the web app manifest) and that the service worker
names only files that exist. It reads files only: no MkDocs import, so any builder's output can
be checked.
"""

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from hipdrop_tools.build import csp
from hipdrop_tools.build.site_files import PYODIDE_FILES
from hipdrop_tools.course.errors import DataError, Problem
from hipdrop_tools.offline.service_worker import MANIFEST, SERVICE_WORKER, worker_pages

ENGINE_META = "hipdrop-engine-lock"
PYODIDE_META = "hipdrop-pyodide"
BRIDGE_SCRIPT = "bridge.js"
WORKER_SCRIPT = "worker.js"  # next to the bridge, which starts it
WIDGETS_FOLDER = "widgets"  # next to the bridge: widgets/<kind>.js
CSP_HEADER = "content-security-policy"
# Text of the page that a reader sees: a macro call left there means the page was not rendered by
# the plugin. Code samples (which may show a call on purpose) are not looked at.
UNRENDERED_MACRO = re.compile(r"\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\(.*?\)\s*\}\}", re.S)
_NOT_READER_TEXT = {"code", "pre", "script", "style", "template", "textarea"}
# Pages the theme writes without a page of the course behind them (MkDocs's on_post_template):
# they get the Content-Security-Policy but are not pages of the installable course.
THEME_ONLY_PAGES = ("404.html",)
# Elements whose address the browser fetches as it shows the page (a plain <a href> is not one).
_SRC_TAGS = {"script", "img", "iframe", "source", "audio", "video", "embed"}
_FETCHED_RELS = {"stylesheet", "preconnect", "dns-prefetch", "preload", "modulepreload", "prefetch", "icon", "manifest"}
_FILES_LINE = re.compile(r"^const FILES = (\[.*?\]);", re.S | re.M)
# The runtime the worker keeps once Python has run or the reader asks: [[file, bytes], ...].
_RUNTIME_LINE = re.compile(r"^const RUNTIME = (\[.*?\]);", re.S | re.M)
_COURSE_LINE = re.compile(r"^const COURSE = (\[.*?\]);", re.S | re.M)


class SiteError(DataError):
    """Every problem found in a built site."""

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the built site:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


@dataclass
class PageFacts:
    """What one HTML page says about itself, read with the standard library's parser."""

    metas: dict[str, str] = field(default_factory=dict)
    csp: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    manifests: list[str] = field(default_factory=list)
    widgets: list[str] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)  # every URL the browser fetches for the page itself
    reader_text: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        a = {name: (value or "") for name, value in attrs}
        if tag == "meta" and "name" in a:
            self.facts.metas[a["name"]] = a.get("content", "")
        if tag == "meta" and a.get("http-equiv", "").lower() == CSP_HEADER:
            self.facts.csp.append(a.get("content", ""))
        if tag == "script" and a.get("src"):
            self.facts.scripts.append(a["src"])
        if tag == "link" and "manifest" in a.get("rel", "").split():
            self.facts.manifests.append(a.get("href", ""))
        url = a.get("src") if tag in _SRC_TAGS else a.get("href") if tag == "link" and _fetched_link(a) else None
        if url:
            self.facts.loads.append(url)
        if "data-hipdrop-widget" in a:
            self.facts.widgets.append(a["data-hipdrop-widget"])
        if tag in _NOT_READER_TEXT:
            self._hidden_depth += 1

    def handle_endtag(self, tag):
        if tag in _NOT_READER_TEXT and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data):
        if not self._hidden_depth:
            self.facts.reader_text.append(data)


def _fetched_link(attrs: dict[str, str]) -> bool:
    return bool(_FETCHED_RELS & set(attrs.get("rel", "").lower().split()))


def page_facts(html: str) -> PageFacts:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.facts


@dataclass(frozen=True)
class SiteReport:
    pages: int
    widget_pages: int

    def summary(self) -> str:
        return f"{self.pages} pages checked, {self.widget_pages} with widgets"


class _Site:
    """The folder being checked, and the problems found so far."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.locks_checked: set[Path] = set()  # an engine's lock is checked once, however many pages name it

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def problem(self, path: Path | str, message: str) -> None:
        name = path if isinstance(path, str) else self.rel(path)
        self.problems.append(Problem(file=name, entry="", field="", message=message))

    def target(self, page: Path, url: str) -> Path | None:
        """The file (or folder) a page-relative URL points to, or None when it leaves the site
        (another host, or above the site's root)."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        path = unquote(parts.path)
        base = PurePosixPath("/") if path.startswith("/") else PurePosixPath("/", self.rel(page.parent))
        resolved = _normalise(base / path.lstrip("/"))
        if resolved is None:
            return None
        return self.root.joinpath(*resolved.parts[1:])


def _normalise(path: PurePosixPath) -> PurePosixPath | None:
    parts: list[str] = []
    for part in path.parts[1:]:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return PurePosixPath("/", *parts)


def verify_site(site_dir: Path) -> SiteReport:
    """Check the built site in ``site_dir``; raises ``SiteError`` with every problem found.
    ``FileNotFoundError`` / ``NotADirectoryError`` when ``site_dir`` is not a folder of HTML pages."""
    site_dir = Path(site_dir)
    if not site_dir.exists():
        raise FileNotFoundError(2, "no such folder", str(site_dir))
    if not site_dir.is_dir():
        raise NotADirectoryError(20, "not a folder (give the built site's folder)", str(site_dir))
    site = _Site(site_dir.resolve())
    pages = sorted(p for p in site.root.rglob("*.html") if p.is_file())
    if not pages:
        reason = "no HTML pages here: is this a built site? (run `mkdocs build` first)"
        raise FileNotFoundError(2, reason, str(site_dir))
    widget_pages = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        facts = page_facts(html)
        _check_csp(site, page, html, facts)
        _check_manifest_link(site, page, facts)
        _check_rendered(site, page, facts)
        _check_self_hosted(site, page, facts)
        if facts.widgets:
            widget_pages += 1
            _check_widget_page(site, page, facts)
    _check_manifest(site)
    _check_service_worker(site)
    if site.problems:
        raise SiteError(site.problems)
    return SiteReport(pages=len(pages), widget_pages=widget_pages)


def _check_csp(site: _Site, page: Path, html: str, facts: PageFacts) -> None:
    if not facts.csp:
        site.problem(page, "no Content-Security-Policy meta tag")
        return
    policy = facts.csp[0]
    if "default-src 'self'" not in policy:
        site.problem(page, "the Content-Security-Policy does not limit the page to its own site (default-src 'self')")
    allowed = _script_sources(policy)
    if "'unsafe-inline'" in allowed:
        return  # the classroom bundle's build, opened from disk, allows inline scripts
    for source in csp.inline_script_hashes(html):
        if source not in allowed:
            site.problem(page, f"an inline script is not allowed by the page's Content-Security-Policy ({source})")


def _script_sources(policy: str) -> list[str]:
    for directive in policy.split(";"):
        words = directive.split()
        if words and words[0] == "script-src":
            return words[1:]
    return []


def _check_manifest_link(site: _Site, page: Path, facts: PageFacts) -> None:
    if not facts.manifests and site.rel(page) not in THEME_ONLY_PAGES:
        site.problem(page, "no link to the web app manifest")
    for href in facts.manifests:
        target = site.target(page, href)
        if target is None or not target.is_file():
            site.problem(page, f"the web app manifest it links to ({href}) is not in the site")


def _check_self_hosted(site: _Site, page: Path, facts: PageFacts) -> None:
    for url in facts.loads:
        parts = urlsplit(url)
        if parts.netloc or parts.scheme in ("http", "https"):
            site.problem(page, f"loads {url} from another site: a course serves every file itself (no CDN)")


def _check_rendered(site: _Site, page: Path, facts: PageFacts) -> None:
    match = UNRENDERED_MACRO.search("".join(facts.reader_text))
    if match:
        site.problem(page, f"a macro call was not rendered: {match.group(0)!r} (is the hipdrop plugin in mkdocs.yml?)")


def _check_widget_page(site: _Site, page: Path, facts: PageFacts) -> None:
    kinds = ", ".join(sorted(set(facts.widgets)))
    engine = facts.metas.get(ENGINE_META)
    if not engine:
        site.problem(page, f'has widgets ({kinds}) but no <meta name="{ENGINE_META}">: the engine is not named')
    else:
        _check_engine_lock(site, page, engine)
    pyodide = facts.metas.get(PYODIDE_META)
    if not pyodide:
        site.problem(page, f'has widgets ({kinds}) but no <meta name="{PYODIDE_META}">: Pyodide is not named')
    else:
        _check_pyodide(site, page, pyodide)
    _check_bridge(site, page, facts)


def _check_engine_lock(site: _Site, page: Path, url: str) -> None:
    """The lock the page names, and each wheel it lists: there, with the sha256 the lock gives."""
    lock_path = site.target(page, url)
    if lock_path is None or not lock_path.is_file():
        site.problem(page, f"the engine's lock it names ({url}) is not in the site")
        return
    if lock_path in site.locks_checked:
        return
    site.locks_checked.add(lock_path)
    try:
        packages = json.loads(lock_path.read_text(encoding="utf-8"))["packages"]
        entries = [(name, entry["file_name"], entry["sha256"]) for name, entry in packages.items()]
    except (ValueError, KeyError, TypeError, AttributeError):
        site.problem(lock_path, "the engine's lock is not a pyodide-lock.json (packages with file_name and sha256)")
        return
    if not entries:
        site.problem(lock_path, "the engine's lock lists no package: no engine would load")
    for name, file_name, sha256 in entries:
        wheel = (lock_path.parent / unquote(file_name)).resolve()
        if "://" in file_name or not wheel.is_relative_to(site.root.resolve()):
            site.problem(lock_path, f"the engine wheel it lists for {name} ({file_name}) is not in the site")
            continue
        _check_engine_wheel(site, lock_path, name, site.root / wheel.relative_to(site.root.resolve()), sha256)


def _check_engine_wheel(site: _Site, lock_path: Path, name: str, wheel: Path, sha256: str) -> None:
    if not wheel.is_file():
        site.problem(lock_path, f"the engine wheel it lists for {name} ({site.rel(wheel)}) is not in the site")
        return
    if not wheel.name.endswith(".whl"):
        site.problem(lock_path, f"the engine it lists for {name} ({site.rel(wheel)}) is not a wheel (.whl)")
        return
    if hashlib.sha256(wheel.read_bytes()).hexdigest() != sha256:
        site.problem(wheel, "its sha256 is not the one the engine's lock gives, so the browser would refuse it")
        return
    try:
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        site.problem(wheel, "the engine wheel is not a zip archive")
        return
    if not any(name.endswith(".dist-info/RECORD") for name in names):
        site.problem(wheel, "the engine wheel has no .dist-info/RECORD")


def _check_pyodide(site: _Site, page: Path, url: str) -> None:
    folder = site.target(page, url if url.endswith("/") else url + "/")
    if folder is None or not folder.is_dir():
        site.problem(page, f"the Pyodide folder it names ({url}) is not in the site")
        return
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        site.problem(page, f"the Pyodide folder {site.rel(folder)}/ lacks {', '.join(missing)}")


def _check_bridge(site: _Site, page: Path, facts: PageFacts) -> None:
    bridges = [src for src in facts.scripts if PurePosixPath(urlsplit(src).path).name == BRIDGE_SCRIPT]
    if not bridges:
        site.problem(page, f"has widgets but does not load the bridge script ({BRIDGE_SCRIPT}), so no widget starts")
        return
    bridge = site.target(page, bridges[0])
    if bridge is None or not bridge.is_file():
        site.problem(page, f"the bridge script it loads ({bridges[0]}) is not in the site")
        return
    if not (bridge.parent / WORKER_SCRIPT).is_file():
        site.problem(page, f"the worker script {site.rel(bridge.parent / WORKER_SCRIPT)} is not in the site")
    for kind in sorted(set(facts.widgets)):
        module = bridge.parent / WIDGETS_FOLDER / f"{kind}.js"
        if not module.is_file():
            site.problem(page, f"has a '{kind}' widget but its script {site.rel(module)} is not in the site")


def _check_manifest(site: _Site) -> None:
    path = site.root / MANIFEST
    if not path.is_file():
        site.problem(MANIFEST, "the web app manifest is missing")
        return
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        site.problem(MANIFEST, f"not valid JSON ({error.msg}, line {error.lineno})")
        return
    if not isinstance(manifest, dict) or not manifest.get("name"):
        site.problem(MANIFEST, "the web app manifest has no name")
        return
    for icon in manifest.get("icons") or []:
        src = icon.get("src", "") if isinstance(icon, dict) else ""
        target = site.target(path, src)
        if target is None or not target.is_file():
            site.problem(MANIFEST, f"the icon {src!r} is not in the site")


def _check_service_worker(site: _Site) -> None:
    worker = site.root / SERVICE_WORKER
    if not worker.is_file():
        return  # a build without one (mkdocs serve, the SCORM package) is allowed
    try:
        pages = worker_pages(worker)
    except ValueError:
        site.problem(SERVICE_WORKER, "the service worker has no page list (const PAGES = [...])")
        pages = []
    for url in pages:
        if not _in_site(site, worker, url):
            site.problem(SERVICE_WORKER, f"lists the page {url!r}, which is not in the site")
    for url in _precached(site, worker):
        if not _in_site(site, worker, url):
            site.problem(SERVICE_WORKER, f"precaches {url!r}, which is not in the site")
    for url in _sized(site, worker, _RUNTIME_LINE, "runtime"):
        if not _in_site(site, worker, url):
            site.problem(
                SERVICE_WORKER, f"precaches {url!r} (the runtime, kept for offline use), which is not in the site"
            )
    for url in _sized(site, worker, _COURSE_LINE, "course"):
        if not _in_site(site, worker, url):
            site.problem(
                SERVICE_WORKER, f"precaches {url!r} (the course, saved for offline use), which is not in the site"
            )


def _in_site(site: _Site, worker: Path, url: str) -> bool:
    """Whether the worker's ``url`` is a file of the site (a folder: its index.html)."""
    target = site.target(worker, url)
    if target is not None and target.is_dir():
        target = target / "index.html"
    return target is not None and target.is_file()


def _sized(site: _Site, worker: Path, line: re.Pattern, name: str) -> list[str]:
    """The files of one of the worker's [file, bytes] lists (the runtime, the course)."""
    match = line.search(worker.read_text(encoding="utf-8"))
    if not match:
        return []  # a worker that keeps no such list apart
    try:
        return [str(entry[0]) for entry in json.loads(match.group(1))]
    except (json.JSONDecodeError, IndexError, TypeError, KeyError):
        site.problem(SERVICE_WORKER, f"the service worker's {name} list is not valid JSON of [file, bytes]")
        return []


def _precached(site: _Site, worker: Path) -> list[str]:
    match = _FILES_LINE.search(worker.read_text(encoding="utf-8"))
    if not match:
        site.problem(SERVICE_WORKER, "the service worker has no precache list (const FILES = [...])")
        return []
    try:
        return list(json.loads(match.group(1)))
    except json.JSONDecodeError:
        site.problem(SERVICE_WORKER, "the service worker's precache list is not valid JSON")
        return []
