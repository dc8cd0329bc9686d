"""Helpers shared by the tests: run the real build, copy the project to break it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_SITE_URL = "https://course.example.org/hipdrop/"  # a site_url with a path, as on a real host
# Browser contexts block service workers (tests/conftest.py): a test, or a module as its pytestmark,
# about offline use, the service worker or the bundle opts in with this mark.
SERVICE_WORKERS = pytest.mark.browser_context_args(service_workers="allow")
PYODIDE_TIMEOUT_MS = 30_000  # Pyodide boots in about 3 s here; allow for a loaded 2-core machine


def build_site(dest: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """Run the real build, as `make site` does, into ``dest``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
        cwd=config.parent,
        capture_output=True,
        text=True,
    )


def copy_project(dest: Path) -> Path:
    """A copy of the project's sources (for build tests that break a data file)."""
    top_level = {".venv", "node_modules", "site", "dist", "build", ".git", ".pytest_cache", ".cache"}

    def ignore(folder, names):
        left_out = {"__pycache__"} | (top_level if Path(folder) == ROOT else set())
        return [name for name in names if name in left_out]

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
    """The requests of a server log that fetched part of Python: the runtime or the engine wheel."""
    return [path for path, _ in sent if "/assets/pyodide/" in path or path.endswith(".whl")]


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
