"""What the build adds to the site besides the pages: our assets, the Pyodide runtime, the engine.

Each function returns (destination path in the site, source path or bytes); the MkDocs plugin
turns them into MkDocs ``File`` objects. No MkDocs import here.
"""

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import hipdrop
from hipdrop_tools.course.errors import HipdropError
from hipdrop_tools.course.project import CORE_ASSETS_DIR, Project
from hipdrop_tools.pyodide.lock import LOCK_FILE
from hipdrop_tools.pyodide.wheel import ENGINE_DISTRIBUTION, Wheel, build_wheel

if TYPE_CHECKING:
    from hipdrop_tools.course.packs import Pack

ASSETS_DIR = "assets/hipdrop"
PYODIDE_DIR = "assets/pyodide"
ENGINE_DIR = f"{ASSETS_DIR}/engine"
STDLIB = "python_stdlib.zip"
# The four files Pyodide needs to boot; nothing else from the npm package is shipped (its
# pyodide-lock.json is not: the engine's lock replaces it, and names the engine wheel).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", STDLIB)
# What the runtime folder must hold: those, and the npm package's lock (its ``info``: the ABI).
RUNTIME_SOURCE_FILES = (*PYODIDE_FILES, LOCK_FILE)


@dataclass(frozen=True)
class SiteFile:
    dest: str
    source: Path | None = None
    content: bytes | None = None


class MissingRuntime(Exception):
    pass


def asset_files(project: Project, packs: "tuple[Pack, ...]" = ()) -> list[SiteFile]:
    """The core's assets and each enabled pack's ``assets/`` folder, merged under ``ASSETS_DIR``."""
    roots = [CORE_ASSETS_DIR] + [
        d for d in (pack.assets_dir() for pack in packs if pack.assets != "hipdrop_tools") if d
    ]
    files: dict[str, SiteFile] = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                dest = f"{ASSETS_DIR}/{path.relative_to(root).as_posix()}"
                if dest in files:
                    raise ValueError(f"{path}: the asset {dest} is already given by another pack")
                files[dest] = SiteFile(dest=dest, source=path)
    return list(files.values())


# Where the packs' files made at build time go (``Pack.site_files``): pictures drawn from the
# course's data, saved with the rest of the course for offline use (hipdrop_tools.offline.service_worker).
PACK_FIGURES_DIR = f"{ASSETS_DIR}/figures"


class GeneratedFileClash(HipdropError):
    """A pack's generated file outside ``PACK_FIGURES_DIR``, or with the address of another file of the site."""


def pack_site_files(project: Project, packs: "tuple[Pack, ...]", taken: set[str]) -> list[SiteFile]:
    """The files each pack makes at build time (``Pack.site_files``), each under
    ``PACK_FIGURES_DIR``; ``taken``: the addresses already in the site, which a generated file may
    not replace."""
    from hipdrop_tools.course.packs import resolve

    files: list[SiteFile] = []
    for pack in packs:
        if not pack.site_files:
            continue
        for dest, content in resolve(pack.site_files)(project).items():
            if not dest.startswith(f"{PACK_FIGURES_DIR}/"):
                raise GeneratedFileClash(
                    f"pack '{pack.name}': the generated file {dest} is not under {PACK_FIGURES_DIR}/"
                )
            if dest in taken:
                raise GeneratedFileClash(f"pack '{pack.name}': the generated file {dest} is already in the site")
            taken.add(dest)
            files.append(SiteFile(dest=dest, content=content))
    return files


@dataclass(frozen=True)
class PythonFiles:
    """Pyodide's files, and the engine's lock and wheel in a folder named by the lock's hash."""

    runtime: tuple[SiteFile, ...]
    lock: SiteFile
    wheel: SiteFile
    lock_writer: str  # "pyodide-build" or "hipdrop"
    startup_modules: tuple[str, ...]  # recorded at build time; empty when Node could not run

    @property
    def files(self) -> list[SiteFile]:
        return [*self.runtime, self.lock, self.wheel]


def python_files(project: Project, packs: "tuple[Pack, ...]") -> PythonFiles:
    """Pyodide's runtime with its standard library trimmed and compiled for the course
    (``runtime_build``), and the course's engine wheel with its lock (``lock``): the worker hands
    the lock to ``loadPyodide``, which fetches the wheel while it boots and checks its sha256."""
    from hipdrop_tools.pyodide import lock, runtime_build

    missing = [name for name in RUNTIME_SOURCE_FILES if not (project.pyodide_dir / name).is_file()]
    if missing:
        raise MissingRuntime(
            f"{project.relative(project.pyodide_dir)}: missing {', '.join(missing)}. "
            "The installed hipdrop package lacks its Pyodide runtime: in a clone, run `make setup` "
            "(npm ci, then it stages the files); or set the plugin's `pyodide` option to a folder holding them."
        )
    sources = engine_wheel(packs)
    cache = project.cache_dir
    runtime = runtime_build.prepare(project.pyodide_dir, sources.filename, sources.content, cache / "runtime")
    # Compiled by the pinned Pyodide (under Node) so the browser does not compile at start-up.
    wheel = engine_wheel(packs, runtime.engine_bytecode) if runtime.engine_bytecode else sources
    npm_lock = (project.pyodide_dir / LOCK_FILE).read_bytes()
    written = lock.engine_lock(npm_lock, wheel.filename, wheel.content, project.root, cache / "lock")
    folder = f"{ENGINE_DIR}/{hashlib.sha256(written.content).hexdigest()[:12]}"
    files = [
        SiteFile(dest=f"{PYODIDE_DIR}/{name}", source=project.pyodide_dir / name)
        for name in PYODIDE_FILES
        if name != STDLIB
    ]
    files.append(SiteFile(dest=f"{PYODIDE_DIR}/{STDLIB}", content=runtime.stdlib))
    return PythonFiles(
        runtime=tuple(files),
        lock=SiteFile(dest=f"{folder}/{LOCK_FILE}", content=written.content),
        wheel=SiteFile(dest=f"{folder}/{wheel.filename}", content=wheel.content),
        lock_writer=written.writer,
        startup_modules=runtime.startup_modules,
    )


def engine_wheel(packs: "tuple[Pack, ...]", bytecode: Iterable[tuple[str, bytes]] = ()) -> Wheel:
    """The course's engine wheel: the core and its packs' engine packages, their worker methods as
    the wheel's registry, and ``bytecode`` (archive name, .pyc) beside the sources."""
    from hipdrop_tools.course.packs import generator_table, method_table

    packages = [name for pack in packs for name in pack.engine_packages]
    build_only = [name for pack in packs for name in pack.build_only]
    return build_wheel(
        packages,
        method_table(packs),
        ENGINE_DISTRIBUTION,
        hipdrop.__version__,
        build_only,
        bytecode,
        generators=generator_table(packs),
    )


# --- Offline course: files at the site root (the service worker's scope) and the app icons. ---

ICONS_DIR = f"{ASSETS_DIR}/icons"
# The pages' <link rel="icon">: the app icon, the course's or the default.
FAVICON = f"{ICONS_DIR}/icon.svg"
IFRAME_WORKER_SHIM = f"{ASSETS_DIR}/vendor/iframe-worker-shim.js"


class IconError(HipdropError):
    """The course brings part of an icon: the message names its folder and the missing files."""


def root_files(
    name: str, short_name: str, description: str, theme_color: str, assets: "list[SiteFile] | None" = None
) -> list[SiteFile]:
    """The web app manifest at the site root and, when the course's ``assets`` (``asset_files``)
    hold no icon, the neutral one in ``theme_color`` (``hipdrop_tools.build.icons``).

    The service worker itself (``sw.js``, also at the root) is written after the build by
    ``offline.write_service_worker``, since its version is a hash of the finished site.
    """
    from hipdrop_tools.build.icons import ICON_FILES, default_icon
    from hipdrop_tools.offline.service_worker import MANIFEST, web_manifest

    files = [SiteFile(dest=MANIFEST, content=web_manifest(name, short_name, description, theme_color))]
    given = {item.dest: item for item in assets or () if item.dest.startswith(ICONS_DIR + "/")}
    wanted = [f"{ICONS_DIR}/{file}" for file in ICON_FILES]
    if not any(dest in given for dest in wanted):
        icon = default_icon(theme_color)
        return files + [SiteFile(dest=f"{ICONS_DIR}/{file}", content=data) for file, data in icon.items()]
    missing = [dest.rsplit("/", 1)[1] for dest in wanted if dest not in given]
    if missing:
        source = next(item.source for dest, item in given.items() if dest in wanted)
        folder = source.parent if source is not None else ICONS_DIR
        raise IconError(f"{folder}: the course's icon is {', '.join(ICON_FILES)}; missing: {', '.join(missing)}")
    return files


def iframe_worker_shim(project: Project) -> SiteFile:
    """Material's offline plugin needs this shim for search on file://; vendored from npm
    (pinned in package-lock.json) so that nothing is fetched from a CDN."""
    from hipdrop_tools.course.project import VENDOR_DIR

    source = VENDOR_DIR / "iframe-worker-shim.js"
    if not source.is_file():
        raise MissingRuntime(
            f"{source}: missing. The installed hipdrop package lacks the iframe-worker shim: "
            "in a clone, run `make setup`."
        )
    return SiteFile(dest=IFRAME_WORKER_SHIM, source=source)


QR_LIBRARY_DIR = f"{ASSETS_DIR}/vendor/qr"
QR_LIBRARY_FILES = ("index.js", "decode.js", "LICENSE-MIT")


def qr_library_files() -> list[SiteFile]:
    """The QR code library (npm ``qr``, pinned in package-lock.json, staged by `make setup`): the
    quiz draws a student's result code with it, and the class results page reads codes from the
    camera with it where the browser has no ``BarcodeDetector``. Served by the site itself."""
    from hipdrop_tools.course.project import VENDOR_DIR

    missing = [name for name in QR_LIBRARY_FILES if not (VENDOR_DIR / "qr" / name).is_file()]
    if missing:
        raise MissingRuntime(
            f"{VENDOR_DIR / 'qr'}: missing {', '.join(missing)}. The installed hipdrop package lacks its QR code "
            "library: in a clone, run `make setup`."
        )
    return [SiteFile(dest=f"{QR_LIBRARY_DIR}/{name}", source=VENDOR_DIR / "qr" / name) for name in QR_LIBRARY_FILES]


# --- Quiz banks exported for course platforms (GIFT, Moodle XML, QTI), linked from the teachers' pages. ---

QUIZ_DOWNLOADS_DIR = "downloads/quizzes"


def quiz_export_files(
    project: Project, base_url: str = "", category: str | None = None, versions: int | None = None
) -> list[SiteFile]:
    """Every quiz bank as ``<bank>.gift``, ``<bank>.xml``, ``<bank>.qti21.zip`` and ``<bank>.qti12.zip``
    (``hipdrop export`` writes the same); ``versions`` of each generated question."""
    from hipdrop_tools.course.quizzes import load_banks
    from hipdrop_tools.lms.export import FORMATS, export_all

    banks = load_banks(project)
    files = []
    for fmt in FORMATS:
        options: dict = {"category": category} if category else {}
        if versions is not None:
            options["versions"] = versions
        texts, warnings = export_all(banks, fmt, base_url, **options)
        for warning in warnings:  # INFO: a question a format cannot carry is left out, by design
            logging.getLogger("mkdocs.plugins.hipdrop").info("hipdrop: %s export: %s", fmt, warning)
        files += [
            SiteFile(
                dest=f"{QUIZ_DOWNLOADS_DIR}/{name}", content=text if isinstance(text, bytes) else text.encode("utf-8")
            )
            for name, text in texts.items()
        ]
    return files
