"""The site's shell: the files every page loads (stylesheets, page scripts and the modules they
import, icons, the web app manifest, the search index and search worker), found in the built
pages themselves.

The service worker keeps the shell on a reader's first visit, beside the pages the reader opened,
so that those pages work offline; the rest of the course waits until the reader asks for it
(``hipdrop_tools.offline.service_worker``). No MkDocs import here.
"""

import json
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

# A tag's address: stylesheets, icons and the manifest (<link href>), scripts (<script src>).
_LINK = re.compile(r"<link\b[^>]*?\brel=\"(?:stylesheet|icon|manifest|apple-touch-icon)\"[^>]*>", re.I)
_SCRIPT = re.compile(r"<script\b[^>]*>", re.I)
_ATTRIBUTE = {"link": re.compile(r"\bhref=\"([^\"]+)\""), "script": re.compile(r"\bsrc=\"([^\"]+)\"")}
# Material's configuration names its search worker.
_MATERIAL_CONFIG = re.compile(r"<script id=\"__config\" type=\"application/json\">(.*?)</script>", re.S)
# Static ES module imports: `import x from "./a.js"`, `import "./a.js"`, `export ... from "./a.js"`.
# Dynamic `import()` is left out of the shell on purpose: a widget's script loads only when its
# Python starts. The runtime's own closure follows it (`import("./a.js")`, a literal address).
_IMPORT = re.compile(r"^\s*(?:import|export)\b[^\"'()]*?[\"'](\.{1,2}/[^\"']+)[\"']", re.M)
_DYNAMIC_IMPORT = re.compile(r"\bimport\(\s*[\"'](\.{1,2}/[^\"'`$]+)[\"']\s*\)")

SEARCH_INDEX = "search/search_index.json"
# A larger search index is left out of the shell (a reader who only reads pays for it once, when
# searching); Material's loads it with every first page anyway, so below this it costs a revalidation.
SEARCH_INDEX_MAX_BYTES = 1_000_000
MANIFEST_NAME = "manifest.webmanifest"


def _local(base: str, address: str) -> str | None:
    """``address`` (as written in the file at ``base``, site-relative) as a site-relative path;
    None for another site, a data: URL or an anchor."""
    if (
        not address
        or address.startswith(("#", "data:", "blob:", "//"))
        or re.match(r"^[a-z][a-z0-9+.-]*:", address, re.I)
    ):
        return None
    path = address.split("#", 1)[0].split("?", 1)[0]
    if path.startswith("/"):
        return path.lstrip("/") or None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
    return None if joined.startswith("..") else joined


def page_references(rel: str, html: str) -> set[str]:
    """The site files one page loads by itself: its stylesheets, icons, manifest and scripts, and
    the search worker Material's configuration names."""
    found = set()
    for kind, pattern in (("link", _LINK), ("script", _SCRIPT)):
        for tag in pattern.findall(html):
            match = _ATTRIBUTE[kind].search(tag)
            if match and (path := _local(rel, match.group(1))):
                found.add(path)
    config = _MATERIAL_CONFIG.search(html)
    if config:
        try:
            settings = json.loads(config.group(1))
        except json.JSONDecodeError:
            settings = {}
        base = posixpath.join(posixpath.dirname(rel), settings.get("base") or ".") + "/"
        if isinstance(settings.get("search"), str) and (path := _local(base, settings["search"])):
            found.add(path)
    return found


def module_imports(rel: str, source: str, dynamic: bool = False) -> set[str]:
    """The modules a script imports statically (and, with ``dynamic``, those it imports later by
    a literal address), as site-relative paths."""
    addresses = _IMPORT.findall(source) + (_DYNAMIC_IMPORT.findall(source) if dynamic else [])
    return {path for address in addresses if (path := _local(rel, address))}


def imported_modules(site_dir: Path, scripts: Iterable[str], dynamic: bool = False) -> set[str]:
    """``scripts`` and every module of the site they import, directly or not (site-relative)."""
    found = set(scripts)
    pending = [rel for rel in found if rel.endswith((".js", ".mjs"))]
    while pending:
        rel = pending.pop()
        path = site_dir / rel
        if not path.is_file():
            continue
        source = path.read_text(encoding="utf-8", errors="replace")
        for imported in module_imports(rel, source, dynamic) - found:
            found.add(imported)
            pending.append(imported)
    return {rel for rel in found if (site_dir / rel).is_file()}


def _search_files(site_dir: Path) -> set[str]:
    """The search index (when small enough) and the language files Material's search worker loads
    for the site's languages (English needs none)."""
    index = site_dir / SEARCH_INDEX
    if not index.is_file() or index.stat().st_size > SEARCH_INDEX_MAX_BYTES:
        return set()
    files = {SEARCH_INDEX}
    try:
        languages = [lang for lang in json.loads(index.read_bytes())["config"]["lang"] if lang != "en"]
    except (json.JSONDecodeError, KeyError, TypeError):
        languages = []
    lunr = "assets/javascripts/lunr/min"
    names = [f"lunr.{lang}.min.js" for lang in languages]
    if languages:
        names.append("lunr.stemmer.support.min.js")
    if len(languages) > 1 or (languages and "en" in languages):
        names.append("lunr.multi.min.js")
    files.update(f"{lunr}/{name}" for name in names if (site_dir / lunr / name).is_file())
    return files


def _manifest_icons(site_dir: Path) -> set[str]:
    manifest = site_dir / MANIFEST_NAME
    if not manifest.is_file():
        return set()
    try:
        icons = json.loads(manifest.read_bytes()).get("icons") or []
    except (json.JSONDecodeError, AttributeError):
        return set()
    return {
        path for icon in icons if isinstance(icon, dict) and (path := _local(MANIFEST_NAME, str(icon.get("src", ""))))
    }


def shell_files(site_dir: Path, pages: Iterable[str]) -> list[str]:
    """Every file of the shell that the site has, sorted: what ``pages`` (site-relative HTML files)
    load, the modules those scripts import, the manifest's icons and the search files."""
    site_dir = Path(site_dir)
    found: set[str] = set()
    for rel in pages:
        found |= page_references(rel, (site_dir / rel).read_text(encoding="utf-8", errors="replace"))
    found |= _manifest_icons(site_dir) | _search_files(site_dir)
    return sorted(imported_modules(site_dir, found))
