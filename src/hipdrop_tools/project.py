"""Where the project's data lives, relative to its root folder."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def quizzes_dir(self) -> Path:
        return self.root / "quizzes"

    @property
    def exercises_dir(self) -> Path:
        return self.root / "exercises"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def engine_src(self) -> Path:
        return self.root / "src" / "hipdrop"

    @property
    def pyodide_dir(self) -> Path:
        return self.root / "node_modules" / "pyodide"

    @property
    def site_assets_dir(self) -> Path:
        return self.root / "site_assets"

    def relative(self, path: Path) -> str:
        """A path as the reader of an error message knows it: relative to the project root."""
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)
