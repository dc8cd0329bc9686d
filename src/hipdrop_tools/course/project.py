"""Where a course's data lives: its folder, and the folders the plugin's options name.

The generator's own files (its assets, theme overrides and the Pyodide runtime) come with the
installed package, not from the course folder; the course's own Python and browser files are its
``macros/`` and ``site_assets/`` folders.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent.parent
# The five Pyodide files and the iframe-worker shim, staged from node_modules by `make setup`
# (package data, not committed).
VENDOR_DIR = PACKAGE_DIR / "vendor"
VENDOR_PYODIDE_DIR = VENDOR_DIR / "pyodide"
# The generator's JS, CSS and the service worker's template (package data).
CORE_ASSETS_DIR = PACKAGE_DIR / "assets"
# Fixes to Material's templates that every course gets (added to the theme's folders).
THEME_OVERRIDES_DIR = PACKAGE_DIR / "overrides"


@dataclass(frozen=True)
class Project:
    root: Path
    quizzes: str = "quizzes"  # folder of the quiz banks, relative to root
    docs: str = "docs"
    pyodide: Path | None = None  # None: the runtime the installed package brings
    packs: tuple[str, ...] = field(default=())  # the course's enabled installed packs (plugin option)
    language: str = "en"  # the core's words on the pages: MkDocs's theme.language
    macros: str = "macros"  # the course's own Python, relative to root (loaded by path)
    site_assets: str = "site_assets"  # the course's own JS, CSS and icons, relative to root
    cache: str = ""  # the build cache, relative to root; empty: the user's cache (shared by every course)
    final_quiz: str = ""  # the bank the course ends with (the plugin's scorm.final_quiz): listed last

    @property
    def quizzes_dir(self) -> Path:
        return self.root / self.quizzes

    @property
    def docs_dir(self) -> Path:
        return self.root / self.docs

    @property
    def macros_dir(self) -> Path:
        return self.root / self.macros

    @property
    def site_assets_dir(self) -> Path:
        """The course's own browser files (``site_assets/``), copied under ``assets/hipdrop/``."""
        return self.root / self.site_assets

    @property
    def pyodide_dir(self) -> Path:
        return VENDOR_PYODIDE_DIR if self.pyodide is None else self.root / self.pyodide

    @property
    def cache_dir(self) -> Path:
        """What builds keep to reuse (the compiled standard library, compressed copies): the
        plugin's ``cache_dir``, else ``$XDG_CACHE_HOME/hipdrop`` (``~/.cache/hipdrop``)."""
        if self.cache:
            return self.root / self.cache
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hipdrop"

    def relative(self, path: Path) -> str:
        """A path as the reader of an error message knows it: relative to the project root."""
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)
