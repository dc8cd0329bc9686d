"""The offline course: the service worker's precache list and version, and the web app manifest.

The service worker template (``hipdrop_tools/assets/js/sw.js``) is filled in after the build, when every
file of the site is final: its version is a hash of those files, so any change to the course
gives a new worker, which fetches the new files and deletes the old cache. No MkDocs import here.

Two lists: the pages and small assets, precached on a first visit, and the runtime (Pyodide and
the engine wheel, with their sizes), kept only once Python has run on the device or the reader
asks for it ("Keep this course for offline use", ``runtime_bytes`` says how much that is).
"""

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from hipdrop_tools.build.icons import ICON_SIZES

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
TEMPLATE_NAME = "js/sw.js"  # inside hipdrop_tools/assets/
THEME_COLOR = "#3f51b5"  # the default of the plugin's theme_color option (Material's indigo)

# Left out of the precache: source maps (never needed to run), the precompressed copies (`.gz`,
# `.br`: the server sends one in place of its file, hipdrop_tools.offline.precompress), the handout PDFs
# (megabytes a phone in class should not download unasked; the worker keeps each one once it has
# been opened) and the worker itself.
SKIPPED_SUFFIXES = (".map", ".gz", ".br", ".pdf")
# The runtime: large, and needed only by a reader who uses the widgets.
RUNTIME_PREFIXES = ("assets/pyodide/", "assets/hipdrop/engine/")
# Cached but left out of the version hash: the sitemap, whose <lastmod> changes every day.
UNHASHED = ("sitemap.xml",)

_VERSION_MARK = "__HIPDROP_CACHE_VERSION__"
_FILES_MARK = "__HIPDROP_PRECACHE_FILES__"
_PAGES_MARK = "__HIPDROP_PAGES__"
_RUNTIME_MARK = "__HIPDROP_RUNTIME_FILES__"
_PAGES_LINE = "const PAGES = "


def precache_files(site_dir: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """Every file the course needs, as site-relative paths, sorted. ``skip``: paths left out."""
    files = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel == SERVICE_WORKER or rel in skip or rel.endswith(SKIPPED_SUFFIXES):
            continue
        files.append(rel)
    return files


def is_runtime(rel: str) -> bool:
    return rel.startswith(RUNTIME_PREFIXES)


def runtime_entries(site_dir: Path, files: list[str]) -> list[tuple[str, int]]:
    """The runtime's files among ``files``, each with its size in bytes."""
    return [(rel, (site_dir / rel).stat().st_size) for rel in files if is_runtime(rel)]


def runtime_bytes(sizes: list[int]) -> int:
    """What "Keep this course for offline use" downloads: the runtime's files, in bytes."""
    return sum(sizes)


def precache_urls(files: list[str]) -> list[str]:
    """Request URLs relative to the site root: a folder's index.html also under the folder's URL,
    which is how links and the address bar ask for it."""
    urls = []
    for rel in files:
        if rel == "index.html":
            urls.append("./")
        elif rel.endswith("/index.html"):
            urls.append(rel[: -len("index.html")])
        urls.append(rel)
    return urls


def site_version(site_dir: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for rel in files:
        if rel in UNHASHED:
            continue
        digest.update(rel.encode() + b"\0")
        digest.update(hashlib.sha256((site_dir / rel).read_bytes()).digest())
    return digest.hexdigest()[:16]


def render_service_worker(
    template: str, version: str, urls: list[str], pages: list[str], runtime: Sequence[tuple[str, int]] = ()
) -> str:
    """The worker: its version, the files it precaches, the runtime it keeps only once Python has
    run or the reader asks ([file, bytes] pairs), and the pages (as the build's own URL mapping
    gives them) that its local sitemap lists for Material's instant navigation."""
    for mark in (_VERSION_MARK, _FILES_MARK, _PAGES_MARK, _RUNTIME_MARK):
        if mark not in template:
            raise ValueError(f"service worker template: missing the placeholder {mark}")
    return (
        template.replace(f'"{_VERSION_MARK}"', json.dumps(version))
        .replace(f"[/* {_FILES_MARK} */]", json.dumps(urls, indent=0))
        .replace(f"[/* {_RUNTIME_MARK} */]", json.dumps([list(entry) for entry in runtime]))
        .replace(f"[/* {_PAGES_MARK} */]", json.dumps(pages))
    )


def worker_pages(worker: Path) -> list[str]:
    """The page list of a service worker written before (for a rewrite after the build, by
    ``hipdrop handouts``, which has no MkDocs build at hand)."""
    for line in worker.read_text(encoding="utf-8").splitlines():
        if line.startswith(_PAGES_LINE):
            return json.loads(line[len(_PAGES_LINE) :].rstrip(";"))
    raise ValueError(f"{worker}: no page list in this service worker")


def write_service_worker(site_dir: Path, template: str, pages: list[str] | None = None) -> str:
    """Write ``sw.js`` at the site root; returns the cache version. ``pages``: the build's page
    URLs (``File.url``); None keeps those of the worker already there."""
    if pages is None:
        pages = worker_pages(site_dir / SERVICE_WORKER)
    files = precache_files(site_dir)
    version = site_version(site_dir, files)
    small = [rel for rel in files if not is_runtime(rel)]
    text = render_service_worker(template, version, precache_urls(small), pages, runtime_entries(site_dir, files))
    (site_dir / SERVICE_WORKER).write_text(text, encoding="utf-8")
    return version


def web_manifest(name: str, short_name: str, description: str, theme_color: str = THEME_COLOR) -> bytes:
    """The web app manifest: paths relative to the manifest, which sits at the site root."""
    icons = [
        {
            "src": f"assets/hipdrop/icons/icon-{size}.png",
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "any",
        }
        for size in ICON_SIZES
    ] + [{"src": "assets/hipdrop/icons/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}]
    manifest = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": theme_color,
        "icons": icons,
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False).encode()
