"""Shared fixtures: the course built once per test session and served on 127.0.0.1, the
classroom bundle made and unzipped once, and Playwright driving Debian's Chromium (browsers cannot
be downloaded on this machine).

Session fixtures are read-only for tests: a test that must change a site works on its own copy.
Browser contexts block service workers (the precache of the whole course, on the same cores as
Pyodide, in every test): a test about offline use, the service worker or the bundle opts in with
``@pytest.mark.browser_context_args(service_workers="allow")`` (support.SERVICE_WORKERS).
Markers, set here from what a test uses: ``browser`` (a browser, Chromium or tests/engines),
``engines`` (Firefox and WebKit), ``slow`` (needs a session build of minutes: COSTLY_FIXTURES);
`make test-quick` runs the rest.

Under pytest-xdist (`make test`: ``-n 2 --dist loadscope``) each test module runs on one worker
(its module fixtures are made once; each engines suite is a module), and the session builds (the
web build, the public build, the bundle, the example course) are made once for both workers, in
the run's shared temporary folder behind a file lock (made_once).
``--reverse`` runs the collected tests in reverse order, to show that no test relies on another
having run first. Tests may report figures (fixture ``report``), printed after the run.
"""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import hipdrop
from hipdrop_tools.course.course_package import load_course_package
from hipdrop_tools.handouts import chromium
from hipdrop_tools.offline.serve import serve_in_thread
from support import BUILD_TIMEOUT_S, PUBLIC_SITE_URL, ROOT, build_site, copy_project, without_precompressed_copies

# This course's own Python (macros/), importable as `hipdrop_course` the way the plugin loads it,
# for the tests of its engine, catalog and widgets (they also run inside Pyodide, from the wheel).
load_course_package(ROOT / "macros")

CHROMIUM = chromium.EXECUTABLE
BUNDLE_NAME = f"hip-drop-course-{hipdrop.__version__}"
BROWSER_FIXTURES = {"page", "context", "browser", "new_context", "firefox", "webkit"}
# Session fixtures that take minutes (made once per run, made_once): their tests are `slow`.
COSTLY_FIXTURES = {"handouts_site", "example_course", "unzipped_bundle", "public_build"}
MARKERS = {
    "browser": "drives a browser (Chromium through Playwright, or the engines suites)",
    "engines": "runs in Firefox or WebKit (tests/engines)",
    "slow": "needs a session build of minutes (the public build, the bundle, the example course, the handouts)",
}


def pytest_addoption(parser):
    parser.addoption("--reverse", action="store_true", default=False,
                     help="run the collected tests in reverse order (they must not depend on order)")


def pytest_configure(config):
    for name, meaning in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {meaning}")


def pytest_collection_modifyitems(session, config, items):
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "engines" in item.path.parts:
            item.add_marker(pytest.mark.engines)
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if fixtures & COSTLY_FIXTURES:
            item.add_marker(pytest.mark.slow)
    if config.getoption("--reverse"):
        items.reverse()


FIGURE = "hipdrop figure"


@pytest.fixture
def report(request):
    """report(line): a line for the summary at the end of the run (for example, how many links
    were followed), shown with the results (carried from xdist workers with the test's report)."""
    return lambda line: request.node.user_properties.append((FIGURE, line))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    reports = [r for kept in terminalreporter.stats.values() for r in kept if getattr(r, "when", "") == "teardown"]
    lines = [line for r in reports for name, line in r.user_properties if name == FIGURE]
    if lines:
        terminalreporter.section("hipdrop figures")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def unzipped_bundle(tmp_path_factory) -> Path:
    """`hipdrop bundle`, as `make bundle` runs it, unzipped (once per run): the bundle's folder."""

    def make(work: Path) -> dict:
        out = work / "dist"
        result = subprocess.run(
            [sys.executable, "-m", "hipdrop_tools", "--root", str(ROOT), "bundle", "--out", str(out)],
            capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
        )
        if result.returncode != 0:
            pytest.fail(f"hipdrop bundle failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
        archive = out / f"{BUNDLE_NAME}.zip"
        assert archive.is_file()
        with zipfile.ZipFile(archive) as zipped:
            assert {n.split("/")[0] for n in zipped.namelist()} == {BUNDLE_NAME}
            zipped.extractall(work / "classroom")
        return {}

    work, _ = made_once(tmp_path_factory, "bundle", make)
    return work / "classroom" / BUNDLE_NAME


def made_once(tmp_path_factory, name: str, make) -> tuple[Path, dict]:
    """``make(folder)`` (which returns a JSON record of what it did) run once per test run: with
    xdist workers, in the run's shared temporary folder behind a file lock, the other workers
    taking the folder and the record as they are. (folder, record)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        return folder, make(folder)
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp().parent
    folder, record = shared / name, shared / f"{name}.json"
    with FileLock(str(shared / f"{name}.lock")):
        if not record.is_file():
            folder.mkdir(exist_ok=True)
            record.write_text(json.dumps(make(folder)))
    return folder, json.loads(record.read_text())


@pytest.fixture(scope="session")
def web_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The course as `make site` builds it (no site_url), once per run: (site folder, the build's
    CompletedProcess, its output for the tests of what the build says)."""

    def build(dest: Path) -> dict:
        result = build_site(dest)
        return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}

    dest, record = made_once(tmp_path_factory, "site", build)
    return dest, subprocess.CompletedProcess(["mkdocs", "build"], **record)


@pytest.fixture(scope="session")
def built_site(web_build) -> Path:
    dest, result = web_build
    if result.returncode != 0:
        pytest.fail(f"the site did not build:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return dest


@pytest.fixture(scope="session")
def public_build(tmp_path_factory):
    """The course built once with a public address (so with QR codes), from a copy of the project:
    (site folder, the build's CompletedProcess)."""

    def make(work: Path) -> dict:
        project = copy_project(work / "project" / "course")
        config = project / "mkdocs.yml"
        config.write_text(f"site_url: {PUBLIC_SITE_URL}\n" + config.read_text())
        without_precompressed_copies(config)  # no test here is sent a compressed copy
        result = build_site(work / "site", config)
        return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}

    work, record = made_once(tmp_path_factory, "public", make)
    result = subprocess.CompletedProcess(["mkdocs", "build"], **record)
    if result.returncode != 0:
        pytest.fail(f"the course did not build with a site_url:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return work / "site", result


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    server, url = serve_in_thread(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs Debian's chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        # Liftoff only: V8 runs Pyodide's WebAssembly with its baseline compiler and never tiers it up
        # with TurboFan in background threads. Behaviour is the same; the suite, which boots Pyodide on
        # hundreds of pages, spends about a sixth less CPU on two cores (measured on the crawl and the
        # engine-in-Pyodide tests). Tests only: the site, and `make bench`, run V8 as it ships.
        "args": [*chromium.LAUNCH_ARGS, "--js-flags=--liftoff-only"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Every context blocks service workers unless its test opts in (support.SERVICE_WORKERS)."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="module")
def module_context(browser, browser_context_args):
    """One browser context for a module's tests that share a page where Python is already up (a
    booted page: Pyodide is paid once per module, not once per test; each test first puts the
    widget back as a reader first finds it, tests/helpers/quiz_page.py)."""
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


def site_pages(built_site: Path) -> list[str]:
    """Every built HTML page as a site-relative URL path (directory URLs end in '/')."""
    pages = []
    for html in sorted(built_site.rglob("index.html")):
        rel = html.parent.relative_to(built_site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


@pytest.fixture(scope="session")
def all_pages(built_site) -> list[str]:
    return site_pages(built_site)


@pytest.fixture(scope="session")
def example_course(tmp_path_factory):
    """examples/sourdough built once from the project's wheel in a fresh venv (tests/helpers/example_course.py)."""
    from example_course import ExampleCourse, build_example_course

    def make(work: Path) -> dict:
        try:
            built = build_example_course(work)
        except AssertionError as error:
            pytest.fail(str(error), pytrace=False)
        return {"wheel": str(built.wheel), "returncode": built.build.returncode,
                "stdout": built.build.stdout, "stderr": built.build.stderr}

    work, record = made_once(tmp_path_factory, "example-course", make)
    build = subprocess.CompletedProcess(["mkdocs", "build"], record["returncode"], record["stdout"], record["stderr"])
    return ExampleCourse(wheel=Path(record["wheel"]), venv=work / "venv", course=work / "course", site=work / "site",
                         build=build)


@pytest.fixture(scope="session")
def widget_course(example_course, tmp_path_factory):
    """A mini course with a widget of its own (macros/ + site_assets/), written into a temporary
    folder and built with the example course's venv (tests/helpers/widget_course.py), once per run."""
    from widget_course import WidgetCourse, build_widget_course

    def make(work: Path) -> dict:
        try:
            built = build_widget_course(example_course, work)
        except AssertionError as error:
            pytest.fail(str(error), pytrace=False)
        return {"course": str(built.course), "site": str(built.site)}

    _, record = made_once(tmp_path_factory, "widget-course", make)
    return WidgetCourse(course=Path(record["course"]), site=Path(record["site"]))
