"""Helpers shared by the tests: run the real build, copy the project to break it."""

import contextlib
import io
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_SITE_URL = "https://course.example.org/hipdrop/"  # a site_url with a path, as on a real host
# Browser contexts block service workers (tests/conftest.py): a test, or a module as its pytestmark,
# about offline use, the service worker or the bundle opts in with this mark.
SERVICE_WORKERS = pytest.mark.browser_context_args(service_workers="allow")
BUILD_TIMEOUT_S = 900  # a build of the whole course takes 15 s on a quiet machine, minutes on a loaded one
PYODIDE_TIMEOUT_MS = 30_000  # Pyodide boots in about 3 s here; allow for a loaded 2-core machine


def build_site(dest: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """Run the real build, as `make site` does, into ``dest``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )


@dataclass(frozen=True)
class Built:
    """What a build in this process gave: 0 or 1, and what `mkdocs build` would have printed (its
    log and, for a build that stopped, its "Error: ..." line)."""

    returncode: int
    stderr: str
    stdout: str = ""  # MkDocs logs to stderr


@contextlib.contextmanager
def _course_state_kept(root: Path, extra_path: list[str]):
    """The process as it was after the build: the course package the tests loaded (a build loads
    its course's macros/ under the same name), sys.path and the working folder."""
    package = "hipdrop_course"
    saved = {n: m for n, m in sys.modules.items() if n == package or n.startswith(package + ".")}
    path, cwd = list(sys.path), os.getcwd()
    sys.path[:0] = extra_path
    os.chdir(root)
    try:
        yield
    finally:
        os.chdir(cwd)
        sys.path[:] = path
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]
        sys.modules.update(saved)


def build_in_process(config: Path, dest: Path, extra_path: list[str] = ()) -> Built:
    """`mkdocs build --strict -f config -d dest` run in this process, as MkDocs' own tests build
    (no new interpreter to start, MkDocs and Material imported once); ``extra_path``: folders
    importable during the build (an installed pack's, as PYTHONPATH would be)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.INFO)  # as the command line logs
    logger.addHandler(handler)
    try:
        with _course_state_kept(config.parent, list(extra_path)):
            try:
                settings = load_config(str(config), strict=True, site_dir=str(dest))
                settings.plugins.on_startup(command="build", dirty=False)
                try:
                    build(settings)
                finally:
                    settings.plugins.on_shutdown()
            except MkDocsException as error:  # what the command line prints, then exits with 1
                log.write(f"Error: {error}\n")
                return Built(1, log.getvalue())
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return Built(0, log.getvalue())


def without_precompressed_copies(config: Path) -> None:
    """The course's mkdocs.yml (a copy's) set to write no gzip or Brotli copies (the plugin's
    ``precompress: false``): for a build that no test asks for compressed copies of."""
    text = config.read_text(encoding="utf-8")
    assert "\n  - hipdrop:\n" in text
    config.write_text(text.replace("\n  - hipdrop:\n", "\n  - hipdrop:\n      precompress: false\n", 1), encoding="utf-8")


def copy_project(dest: Path) -> Path:
    """A copy of the course (mkdocs.yml and the folders it builds from), for build tests that break
    a data file. The generator is not copied (src/: the build runs the installed package), nor
    the tests, the bench, build output or any hidden folder (caches)."""
    top_level = {"node_modules", "site", "dist", "build", "src", "tests", "bench"}

    def ignore(folder, names):
        at_top = Path(folder) == ROOT
        return [name for name in names if name == "__pycache__" or at_top and (name in top_level or name.startswith("."))]

    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def question_count(bank_id: str) -> int:
    """How many questions a quiz bank has, read from its YAML (not from the engine)."""
    import yaml

    data = yaml.safe_load((ROOT / "quizzes" / f"{bank_id}.yml").read_text(encoding="utf-8"))
    return len(data["questions"])


def score_sentence(marks: float, out_of: int) -> str:
    """The score sentence a reader sees, worked out by hand: marks to two decimals at most, the
    percentage rounded half up to a whole number (1 of 7 is 14 %, 1 of 6 is 17 %)."""
    shown = f"{marks:.2f}".rstrip("0").rstrip(".")
    percent = int(100 * marks / out_of + 0.5)
    return f"You scored {shown} out of {out_of} ({percent}%)."


def logging_server(site: Path):
    """The site served for one test, with a log of every request it answered (the page's, its
    workers' and the service worker's alike): (server, url, sent), where ``sent`` is a list of
    (path without the query, status code). Shut the server down at the end of the test."""
    import functools
    import http.server
    import threading

    from hipdrop_tools.offline.serve import SiteHandler

    sent = []

    class LoggingHandler(SiteHandler):
        def log_request(self, code="-", size="-"):
            sent.append((self.path.split("?")[0], int(code) if str(code).isdigit() else 0))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(LoggingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", sent


def python_downloads(sent) -> list[str]:
    """The requests of a server log that fetched part of Python: the runtime, the engine's lock or wheel."""
    return [path for path, _ in sent if "/assets/pyodide/" in path or "/assets/hipdrop/engine/" in path]


def reach(widget):
    """Scroll a widget into view, as a reader reaching it does (Python starts only when a widget
    comes near, or is focused or touched); returns the widget."""
    from playwright.sync_api import Error

    for attempt in range(3):
        try:
            widget.scroll_into_view_if_needed()
            break
        except Error:  # instant navigation replaced the element meanwhile: find it again
            if attempt == 2:
                raise
    return widget


# The service worker, from a test's page: installed and in control; every address it has cached.
INSTALL_TIMEOUT_MS = 60_000  # the precache (pages and small assets) is about 4 MB, from a local server


def wait_until_controlled(page):
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=INSTALL_TIMEOUT_MS)


def cached_urls(page) -> list[str]:
    return page.evaluate(
        """async () => {
          const urls = [];
          for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
          }
          return urls;
        }"""
    )
