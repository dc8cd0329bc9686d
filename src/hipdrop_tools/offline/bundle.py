"""The classroom bundle: the course as one zip that works with no network.

``dist/<name>-<version>.zip`` (``<name>``: ``course_config.course_file_stem``, "water-course" for
a course whose short name is "Water") holds one folder with:

- ``site/``: the course built with Material's offline plugin, so its pages, links and search work
  when opened straight from disk; the widgets there say that the launcher turns them on;
- ``serve.py``: a one-file launcher (standard library only) that serves ``site/`` on this computer
  and opens the browser, where everything works, Python widgets included;
- ``index.html``: opens ``site/index.html`` when double-clicked;
- ``README.txt``: how to start it on Windows, macOS and Linux.
"""

import ast
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

import hipdrop
from hipdrop_tools.course.config import course_file_stem, course_title
from hipdrop_tools.course.course_package import course_packs
from hipdrop_tools.course.project import Project
from hipdrop_tools.offline import launcher, serve

OFFLINE_ENV = "HIPDROP_OFFLINE_BUILD"  # read by mkdocs.yml (!ENV) to turn the offline plugin on
_INLINED_IMPORT = "# bundle: defined above in serve.py"


class BundleError(Exception):
    pass


@dataclass(frozen=True)
class Bundle:
    path: Path
    version: str
    files: int


def bundle_name(stem: str, version: str) -> str:
    """The zip's name and its folder's: the course's file stem and the version."""
    return f"{stem}-{version}"


def _without_docstring(source: str) -> str:
    tree = ast.parse(source)
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant):
        lines = source.splitlines(keepends=True)
        return "".join(lines[first.end_lineno :])
    return source


def _without_main_block(source: str) -> str:
    marker = '\nif __name__ == "__main__":'
    index = source.rfind(marker)
    return source if index < 0 else source[: index + 1]


def launcher_source() -> str:
    """serve.py's server and launcher.py's start-up as one standard-library-only script."""
    server_code = Path(serve.__file__).read_text(encoding="utf-8")
    launcher_code = Path(launcher.__file__).read_text(encoding="utf-8")
    docstring = ast.get_docstring(ast.parse(launcher_code))
    launcher_body = "".join(
        line for line in _without_docstring(launcher_code).splitlines(keepends=True) if _INLINED_IMPORT not in line
    )
    text = (
        f'"""{docstring}\n"""\n'
        + _without_main_block(_without_docstring(server_code)).rstrip()
        + "\n\n\n# --- The launcher ---\n"
        + launcher_body
    )
    compile(text, "serve.py", "exec")  # a broken launcher must fail here, not in a classroom
    return text


README = """{title}
The classroom copy, version {version}

This folder holds the whole course. It needs no internet connection.

START THE COURSE (everything works, quizzes and other Python widgets included)

  Windows:
    1. Install Python 3 (3.10 or newer) once, from python.org. In the installer, tick
       "Add python.exe to PATH".
    2. Double-click serve.py. If Windows asks which program should open it,
       choose Python.

  macOS:
    1. Open the Terminal app.
    2. Type  python3  and a space, drag serve.py into the Terminal window,
       and press Return. (The first time, macOS may offer to install the
       developer tools, which include Python. Accept, then try again.)

  Linux:
    Open a terminal in this folder and run:  python3 serve.py
    (Python 3.10 or newer; most current systems have it.)

The course then opens in your web browser, at an address like
http://127.0.0.1:8000/ . Keep the small window that started it open while you
teach. Close it, or press Ctrl+C in it, to stop.

If port 8000 is busy, the launcher takes the next free one and shows the
address. Options:  --port 8080  (choose the port),  --no-browser .

WITHOUT THE LAUNCHER

Double-click index.html. You can read every page, follow the links, search and
print. The quizzes and other widgets need Python in the browser, which browsers do
not allow for files opened this way: each of them says so and shows its
printable version (the answer keys included).

The course is served to this computer only; other devices cannot reach it.
{notices}"""

REDIRECT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=site/index.html">
<title>{title}</title></head>
<body><p><a href="site/index.html">Open the course: {title}</a>.
For the quizzes and other widgets, start serve.py instead (see README.txt).</p></body></html>
"""


def readme_text(project: Project, version: str) -> str:
    """README.txt for this course: its title, and the enabled packs' notices at the end."""
    notices = "".join(f"\n{pack.bundle_notice}" for pack in course_packs(project) if pack.bundle_notice)
    return README.format(title=course_title(project.root), version=version, notices=notices)


def redirect_page(project: Project) -> str:
    return REDIRECT.format(title=escape(course_title(project.root)))


def build_offline_site(project: Project, dest: Path) -> None:
    """The course built with the offline plugin into ``dest`` (a strict build, as always)."""
    env = {**os.environ, OFFLINE_ENV: "true"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project.root / "mkdocs.yml"), "-d", str(dest)],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BundleError(f"the offline build failed:\n{result.stdout}\n{result.stderr}".rstrip())


def write_bundle(project: Project, out_dir: Path, version: str | None = None) -> Bundle:
    version = version or hipdrop.__version__
    name = bundle_name(course_file_stem(project.root), version)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}.zip"
    with tempfile.TemporaryDirectory(prefix="hipdrop-bundle-") as tmp:
        site = Path(tmp) / "site"
        build_offline_site(project, site)
        partial = target.with_suffix(".zip.part")
        count = 0
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    # The precompressed copies the launcher sends (.br, .gz) are stored as they are.
                    stored = zipfile.ZIP_STORED if path.suffix in (".br", ".gz") else None
                    archive.write(path, f"{name}/site/{path.relative_to(site).as_posix()}", compress_type=stored)
                    count += 1
            launcher_info = zipfile.ZipInfo(f"{name}/serve.py", date_time=(2026, 1, 1, 0, 0, 0))
            launcher_info.external_attr = 0o755 << 16  # executable on macOS and Linux
            launcher_info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(launcher_info, launcher_source())
            archive.writestr(f"{name}/README.txt", readme_text(project, version).replace("\n", "\r\n"))
            archive.writestr(f"{name}/index.html", redirect_page(project))
            count += 3
        partial.replace(target)
    return Bundle(path=target, version=version, files=count)
