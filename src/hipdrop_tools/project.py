"""Where a course's data lives: its folder, and the folders the plugin's options name.

The core's own files (assets, the Pyodide runtime) come with the installed package, not from the
course folder.
"""

from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
# The five Pyodide files, staged from node_modules/pyodide by `make setup` (package data).
RUNTIME_DIR = PACKAGE_DIR / "runtime"
RUNTIME_PYODIDE_DIR = RUNTIME_DIR / "pyodide"


@dataclass(frozen=True)
class Project:
    root: Path
    quizzes: str = "quizzes"  # folder of the quiz banks, relative to root
    docs: str = "docs"
    pyodide: Path | None = None  # None: the runtime the installed package brings
    packs: tuple[str, ...] = field(default=())  # the course's enabled packs (plugin option)

    @property
    def quizzes_dir(self) -> Path:
        return self.root / self.quizzes

    @property
    def exercises_dir(self) -> Path:
        return self.root / "exercises"

    @property
    def docs_dir(self) -> Path:
        return self.root / self.docs

    @property
    def pyodide_dir(self) -> Path:
        return RUNTIME_PYODIDE_DIR if self.pyodide is None else self.root / self.pyodide

    @property
    def site_assets_dir(self) -> Path:
        """The core's assets (JS runtime, CSS, service worker template): package data."""
        return PACKAGE_DIR / "assets"

    def relative(self, path: Path) -> str:
        """A path as the reader of an error message knows it: relative to the project root."""
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)
