"""What the build adds to the site besides the pages: our assets, the Pyodide runtime, the engine.

Each function returns (destination path in the site, source path or bytes); the MkDocs hook
turns them into MkDocs ``File`` objects. No MkDocs import here.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

import hipdrop

from .project import Project
from .wheel import Wheel, build_wheel

ASSETS_DIR = "assets/hipdrop"
PYODIDE_DIR = "assets/pyodide"
# The five files Pyodide needs to boot; nothing else from the npm package is shipped.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


@dataclass(frozen=True)
class SiteFile:
    dest: str
    source: Path | None = None
    content: bytes | None = None


class MissingRuntime(Exception):
    pass


def asset_files(project: Project) -> list[SiteFile]:
    root = project.site_assets_dir
    return [
        SiteFile(dest=f"{ASSETS_DIR}/{path.relative_to(root).as_posix()}", source=path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    ]


def pyodide_files(project: Project) -> list[SiteFile]:
    missing = [name for name in PYODIDE_FILES if not (project.pyodide_dir / name).is_file()]
    if missing:
        raise MissingRuntime(
            f"{project.relative(project.pyodide_dir)}: missing {', '.join(missing)}. "
            "Run `npm ci` (or `make site`, which runs it) to install the pinned Pyodide."
        )
    files = [
        SiteFile(dest=f"{PYODIDE_DIR}/{name}", source=project.pyodide_dir / name)
        for name in PYODIDE_FILES
        if name not in (STDLIB, LOCK_FILE)
    ]
    return files + [trimmed_stdlib(project), lock_without_packages(project)]


STDLIB = "python_stdlib.zip"
LOCK_FILE = "pyodide-lock.json"


def lock_without_packages(project: Project) -> SiteFile:
    """Pyodide's lock file with its ``info`` (the ABI Pyodide checks) and no packages: the course
    loads none (the engine is standard library only), so the boot fetches and parses 200 bytes
    instead of 120 KB."""
    import json

    lock = json.loads((project.pyodide_dir / LOCK_FILE).read_text(encoding="utf-8"))
    small = {"info": lock["info"], "packages": {}}
    return SiteFile(dest=f"{PYODIDE_DIR}/{LOCK_FILE}", content=json.dumps(small, separators=(",", ":")).encode())


def trimmed_stdlib(project: Project) -> SiteFile:
    """Pyodide's standard library cut down to what its start-up and the engine import, and
    compiled to bytecode (``stdlib_trim``, ``stdlib_bytecode``)."""
    from .precompress import default_cache_dir
    from .stdlib_bytecode import compile_stdlib
    from .stdlib_trim import trim

    cache = default_cache_dir().parent / "stdlib"
    trimmed = trim((project.pyodide_dir / STDLIB).read_bytes(), project.engine_src, cache)
    return SiteFile(dest=f"{PYODIDE_DIR}/{STDLIB}", content=compile_stdlib(trimmed, project.pyodide_dir, cache))


def engine_wheel(project: Project) -> tuple[SiteFile, Wheel]:
    """The engine wheel, under a folder named by its content hash so browsers may cache it."""
    from .precompress import default_cache_dir
    from .stdlib_bytecode import compile_engine
    from .wheel import engine_files

    bytecode = compile_engine(engine_files(project.engine_src), project.pyodide_dir, default_cache_dir().parent / "engine")
    wheel = build_wheel(project.engine_src, "hipdrop", hipdrop.__version__, bytecode)
    dest = f"{ASSETS_DIR}/engine/{wheel.digest[:12]}/{wheel.filename}"
    return SiteFile(dest=dest, content=wheel.content), wheel


# --- Offline course: files at the site root (the service worker's scope) and the app icons. ---

ICONS_DIR = f"{ASSETS_DIR}/icons"
IFRAME_WORKER_SHIM = f"{ASSETS_DIR}/vendor/iframe-worker-shim.js"


def root_files(name: str, short_name: str, description: str) -> list[SiteFile]:
    """The web app manifest at the site root and the icons it names (drawn at build time).

    The service worker itself (``sw.js``, also at the root) is written after the build by
    ``offline.write_service_worker``, since its version is a hash of the finished site.
    """
    from .icons import ICON_SIZES, icon_png, icon_svg
    from .offline import MANIFEST, web_manifest

    files = [SiteFile(dest=MANIFEST, content=web_manifest(name, short_name, description))]
    files += [SiteFile(dest=f"{ICONS_DIR}/icon-{size}.png", content=icon_png(size)) for size in ICON_SIZES]
    files.append(SiteFile(dest=f"{ICONS_DIR}/icon.svg", content=icon_svg().encode()))
    return files


def iframe_worker_shim(project: Project) -> SiteFile:
    """Material's offline plugin needs this shim for search on file://; vendored from npm
    (pinned in package-lock.json) so that nothing is fetched from a CDN."""
    source = project.root / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not source.is_file():
        raise MissingRuntime(
            f"{project.relative(source)}: missing. Run `npm ci` to install the pinned iframe-worker."
        )
    return SiteFile(dest=IFRAME_WORKER_SHIM, source=source)


# --- Quiz banks exported for course platforms (GIFT, Moodle XML, QTI), linked from the teachers' pages. ---

QUIZ_DOWNLOADS_DIR = "downloads/quizzes"


def quiz_export_files(project: Project, base_url: str = "") -> list[SiteFile]:
    """Every quiz bank as ``<bank>.gift``, ``<bank>.xml``, ``<bank>.qti21.zip`` and ``<bank>.qti12.zip``
    (``hipdrop export`` writes the same)."""
    from .export import FORMATS, export_all
    from .quizzes import load_banks

    banks = load_banks(project)
    files = []
    for fmt in FORMATS:
        texts, warnings = export_all(banks, fmt, base_url)
        for warning in warnings:  # INFO: a question a format cannot carry is left out, by design
            logging.getLogger("mkdocs.hooks.hipdrop").info("hipdrop: %s export: %s", fmt, warning)
        files += [SiteFile(dest=f"{QUIZ_DOWNLOADS_DIR}/{name}", content=text if isinstance(text, bytes) else text.encode("utf-8"))
                  for name, text in texts.items()]
    return files
