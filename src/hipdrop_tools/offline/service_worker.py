"""The offline course: the service worker's precache list and version, and the web app manifest.

The service worker template (``hipdrop_tools/assets/js/sw.js``) is filled in after the build, when every
file of the site is final: its version is a hash of those files, so any change to the course
gives a new worker, which fetches the new files and deletes the old cache. No MkDocs import here.

Three lists, so that a reader pays only for what they read:

- the shell (``FILES``: what every page loads, ``hipdrop_tools.offline.site_shell``), kept on the
  first visit with the pages the reader opens;
- the rest of the course (``COURSE``: the other pages and their pictures, with their sizes),
  saved when the reader asks ("Save this course for offline use") or on a later visit over a
  connection the browser says is not metered, with Save-Data off;
- the runtime (``RUNTIME``: Pyodide, the engine wheel, the Python worker and the widgets' scripts,
  with their sizes), kept once Python has run on the device or when the reader asks.
"""

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from hipdrop_tools.build.icons import ICON_SIZES
from hipdrop_tools.build.site_files import ASSETS_DIR, PACK_FIGURES_DIR, QUIZ_DOWNLOADS_DIR
from hipdrop_tools.offline.site_shell import imported_modules, shell_files

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
TEMPLATE_NAME = "js/sw.js"  # inside hipdrop_tools/assets/
THEME_COLOR = "#3f51b5"  # the default of the plugin's theme_color option (Material's indigo)

# Left out of the precache: source maps (never needed to run), the precompressed copies (`.gz`,
# `.br`: the server sends one in place of its file, hipdrop_tools.offline.precompress), the handout PDFs
# (megabytes a phone in class should not download unasked; the worker keeps each one once it has
# been opened) and the worker itself.
SKIPPED_SUFFIXES = (".map", ".gz", ".br", ".pdf")
# The runtime: large, and needed only by a reader who uses the widgets (Python's own files, the
# engine wheel, and the scripts that load only once Python starts: the worker and the widgets').
RUNTIME_PREFIXES = (
    "assets/pyodide/",
    f"{ASSETS_DIR}/engine/",
    f"{ASSETS_DIR}/js/widgets/",
    f"{ASSETS_DIR}/js/worker.js",
)
# Never saved with the course (each is kept once opened, like a PDF): the quiz files for learning
# platforms, the generator's and the theme's own code that no page loads (the service worker's
# template, the SCORM and classroom-bundle scripts, the stylesheets the bundle was joined from,
# search languages the site does not use).
NOT_COURSE_PREFIXES = (f"{QUIZ_DOWNLOADS_DIR}/", f"{ASSETS_DIR}/", "assets/javascripts/", "assets/stylesheets/")
# Saved with the course all the same: the pictures the packs draw at build time (Pack.site_files).
COURSE_ASSET_PREFIXES = (f"{PACK_FIGURES_DIR}/",)
# Cached but left out of the version hash: the sitemap, whose <lastmod> changes every day.
UNHASHED = ("sitemap.xml",)

_VERSION_MARK = "__HIPDROP_CACHE_VERSION__"
_FILES_MARK = "__HIPDROP_PRECACHE_FILES__"
_PAGES_MARK = "__HIPDROP_PAGES__"
_RUNTIME_MARK = "__HIPDROP_RUNTIME_FILES__"
_COURSE_MARK = "__HIPDROP_COURSE_FILES__"
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


def runtime_entries(site_dir: Path, files: list[str], shell: Sequence[str] = ()) -> list[tuple[str, int]]:
    """The runtime's files among ``files``, and the modules its scripts import (now or once a
    widget asks, as a quiz imports its result code's view and that view the QR encoder) that
    the shell does not hold, each with its size in bytes."""
    runtime = {rel for rel in files if is_runtime(rel)}
    runtime |= imported_modules(site_dir, runtime, dynamic=True) - set(shell)
    return [(rel, (site_dir / rel).stat().st_size) for rel in files if rel in runtime]


def course_entries(site_dir: Path, files: list[str], shell: list[str]) -> list[tuple[str, int]]:
    """The rest of the offline copy, saved when the reader asks: every page (under the address
    links use, a folder's index.html as the folder) and every other file of the course's own
    content (pictures, the packs' drawings included), each with its size; not the shell, the
    runtime or the files kept only once opened (``NOT_COURSE_PREFIXES``)."""
    kept = set(shell)
    entries = []
    for rel in files:
        left_out = rel.startswith(NOT_COURSE_PREFIXES) and not rel.startswith(COURSE_ASSET_PREFIXES)
        if rel in kept or is_runtime(rel) or left_out or rel == "404.html":
            continue
        entries.append((page_url(rel), (site_dir / rel).stat().st_size))
    return entries


def page_url(rel: str) -> str:
    """A file's request URL relative to the site root: a folder's index.html as the folder, which
    is how links and the address bar ask for it (the worker answers both)."""
    if rel == "index.html":
        return "./"
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


def site_version(site_dir: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for rel in files:
        if rel in UNHASHED:
            continue
        digest.update(rel.encode() + b"\0")
        digest.update(hashlib.sha256((site_dir / rel).read_bytes()).digest())
    return digest.hexdigest()[:16]


def render_service_worker(
    template: str,
    version: str,
    urls: list[str],
    pages: list[str],
    runtime: Sequence[tuple[str, int]] = (),
    course: Sequence[tuple[str, int]] = (),
) -> str:
    """The worker: its version, the shell it keeps on the first visit, the rest of the course and
    the runtime it keeps only when asked ([file, bytes] pairs), and the pages (as the build's own
    URL mapping gives them) that its local sitemap lists for Material's instant navigation."""
    for mark in (_VERSION_MARK, _FILES_MARK, _PAGES_MARK, _RUNTIME_MARK, _COURSE_MARK):
        if mark not in template:
            raise ValueError(f"service worker template: missing the placeholder {mark}")
    return (
        template.replace(f'"{_VERSION_MARK}"', json.dumps(version))
        .replace(f"[/* {_FILES_MARK} */]", json.dumps(urls, indent=0))
        .replace(f"[/* {_COURSE_MARK} */]", json.dumps([list(entry) for entry in course]))
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
    shell = [
        rel for rel in shell_files(site_dir, [rel for rel in files if rel.endswith(".html")]) if not is_runtime(rel)
    ]
    text = render_service_worker(
        template,
        version,
        shell,
        pages,
        runtime_entries(site_dir, files, shell),
        course_entries(site_dir, files, shell),
    )
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
