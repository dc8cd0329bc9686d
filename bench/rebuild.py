"""A rebuild under `mkdocs serve` after editing one lesson: the time from the file write to the
edited page being served (polled over HTTP) and to the open page having reloaded with the edit
(MkDocs's live reload). Runs on a copy of the project's sources, so the work tree is never
edited; node_modules and src/ are linked, not copied."""

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

SOURCES = ("docs", "includes", "overrides", "quizzes", "exercises", "macros", "site_assets", "mkdocs.yml",
           "pyproject.toml")
START_TIMEOUT_S = 240
REBUILD_TIMEOUT_S = 240
RELOAD_GRACE_S = 15


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_project(root: Path, dest: Path) -> None:
    for name in SOURCES:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, dest / name)
    for name in ("node_modules", "src"):  # read only: linked
        (dest / name).symlink_to(root / name, target_is_directory=True)


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def wait_for(predicate, timeout_s: float, what: str):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting for {what}")


def reloaded(page, marker: str, written: float) -> float | None:
    """Seconds from the write until the open page shows the edit; None when it has not reloaded
    within RELOAD_GRACE_S of the edit being served (live reload blocked, for example by the CSP)."""
    try:
        page.wait_for_function("(m) => document.body && document.body.textContent.includes(m)", arg=marker,
                               timeout=RELOAD_GRACE_S * 1000)
    except PlaywrightTimeout:
        return None
    return time.monotonic() - written


def measure(root: Path, browser, lesson: str, runs: int, dirty: bool = False) -> dict[str, list]:
    """``lesson``: the lesson's Markdown path under docs/ (its URL is MkDocs's directory URL).
    ``dirty``: `mkdocs serve --dirty --no-strict`, which rebuilds only the pages whose source changed
    (strict mode would stop on MkDocs' own warning that a build is dirty)."""
    times: dict[str, list] = {"served_s": [], "reloaded_s": [], "console_errors": []}
    with tempfile.TemporaryDirectory(prefix="hipdrop-bench-serve-") as tmp:
        project = Path(tmp)
        copy_project(root, project)
        port = free_port()
        url = f"http://127.0.0.1:{port}/{lesson.removesuffix('.md')}/"
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--quiet", "-a", f"127.0.0.1:{port}", *(["--dirty", "--no-strict"] if dirty else [])],
            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(lambda: fetch(url), START_TIMEOUT_S, f"mkdocs serve to answer {url}")
            context = browser.new_context()
            page = context.new_page()
            page.on("console", lambda message: message.type == "error" and "Content Security Policy" in message.text
                    and times["console_errors"].append(message.text[:300]))
            page.goto(url, wait_until="load")
            source = project / "docs" / lesson
            original = source.read_text(encoding="utf-8")
            for run in range(runs):
                marker = f"Benchmark edit {run} {time.time_ns()}"
                written = time.monotonic()
                source.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
                wait_for(lambda: marker in (fetch(url) or ""), REBUILD_TIMEOUT_S, "the edited lesson to be served")
                times["served_s"].append(time.monotonic() - written)
                times["reloaded_s"].append(reloaded(page, marker, written))
            context.close()
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
    return times
