"""The second course (examples/sourdough), built the way an author builds it: the project's wheel
installed into a fresh virtual environment (no clone, no npm), then that venv's `mkdocs build
--strict` in a copy of the course folder. Used by the session fixture ``example_course``.

Dependencies: the wheel is installed with pip's ordinary resolver, constrained by
requirements.lock (``pip install WHEEL -c requirements.lock``), so the wheel's own declared
dependencies must be enough and every version is the pinned one.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from support import ROOT

COURSE = ROOT / "examples" / "sourdough"
# What a source checkout holds that the wheel is built from (the staged runtime is in src/).
WHEEL_SOURCES = ("pyproject.toml", "setup.py", "src")


@dataclass(frozen=True)
class ExampleCourse:
    wheel: Path
    venv: Path
    course: Path
    site: Path
    build: subprocess.CompletedProcess

    def bin(self, name: str) -> str:
        return str(self.venv / "bin" / name)


def _run(args: list[str], cwd: Path, what: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise AssertionError(f"{what} failed ({' '.join(args)}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def build_wheel(work: Path) -> Path:
    """The project's wheel, as `make wheel` builds it, from a copy of the sources in ``work``
    (so that setuptools' build/ and egg-info land there, not in the checkout)."""
    tree = work / "source"
    tree.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in WHEEL_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=ignore)
        else:
            shutil.copy2(source, tree / name)
    dist = work / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
          "--wheel-dir", str(dist), str(tree)], work, "building the wheel")
    wheels = list(dist.glob("hipdrop-*-py3-none-any.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def build_example_course(work: Path) -> ExampleCourse:
    wheel = build_wheel(work)
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], work, "creating the virtual environment")
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
          "-c", str(ROOT / "requirements.lock"), str(wheel)], work, "installing the wheel")
    course = work / "course"
    shutil.copytree(COURSE, course)
    site = work / "site"
    build = _run([str(venv / "bin" / "mkdocs"), "build", "--strict", "-d", str(site)], course, "mkdocs build --strict")
    return ExampleCourse(wheel=wheel, venv=venv, course=course, site=site, build=build)
