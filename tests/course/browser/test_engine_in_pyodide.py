"""The engine's unit tests (tests/core/engine and tests/course/engine, standard library only) run inside Pyodide in Chromium,
against the very wheel and the trimmed standard library the site ships, the wheel loaded through
the engine's lock by Pyodide's own loader (loadPyodide's packages option, which checks its sha256),
so the browser runtime is
proven, not assumed: a module the engine needs and the trimmed library lacks fails here. The wheel
leaves out the build-time renderers (static HTML, run by the plugin): the harness adds their
source beside it, so their tests run in Pyodide too.

The tests' own extra imports (xml.dom.minidom, to read the SVG the engine draws) come from a
second zip put last on sys.path, only after every engine module has been imported and the engine
has answered with the shipped library alone."""

import importlib
import json
import zipfile
from pathlib import Path

import pytest

from hipdrop_tools.pyodide import stdlib_trim
from hipdrop_tools.course.course_package import course_packs
from hipdrop_tools.course.project import Project
from hipdrop_tools.offline.serve import serve_in_thread
from support import ROOT


# The generator's engine tests and this course's (standard library only).
ENGINE_TEST_DIRS = (ROOT / "tests" / "core" / "engine", ROOT / "tests" / "course" / "engine")


def build_only_sources() -> dict[str, str]:
    """The course's build-time renderers (left out of the wheel) as {path in site-packages: source}."""
    sources = {}
    for pack in course_packs(Project(ROOT)):
        for module in pack.build_only:
            path = module.replace(".", "/") + ".py"
            sources[path] = Path(importlib.import_module(module).__file__).read_text()
    return sources

HARNESS = """<!doctype html><meta charset="utf-8"><title>engine tests in Pyodide</title>
<script type="module">
import { loadPyodide } from "./assets/pyodide/pyodide.mjs";
window.runEngineTests = async (lockUrl, files, runner, engineCheck, buildOnly) => {
  const lock = await (await fetch(lockUrl)).json();
  const packages = Object.keys(lock.packages);
  const py = await loadPyodide({
    indexURL: new URL("./assets/pyodide/", location.href).href,
    lockFileContents: lock,
    packageBaseUrl: new URL(".", lockUrl).href,
    packages,
  });
  if (!packages.every((name) => name in py.loadedPackages)) throw new Error("the engine did not load");
  py.runPython(engineCheck);
  const purelib = py.runPython("import hipdrop, os; os.path.dirname(os.path.dirname(hipdrop.__file__))");
  for (const [path, text] of Object.entries(buildOnly)) py.FS.writeFile(`${purelib}/${path}`, text);
  py.FS.writeFile("/test_extras.zip", new Uint8Array(await (await fetch("./test_extras.zip")).arrayBuffer()));
  py.FS.mkdirTree("/engine_tests");
  for (const [name, text] of Object.entries(files)) py.FS.writeFile(`/engine_tests/${name}`, text);
  return py.runPython(runner);
};
// One piece of code run against the shipped wheel alone (no test files), loaded through the
// engine's lock as the site loads it: its result, as text.
window.runInEngine = async (lockUrl, code) => {
  const lock = await (await fetch(lockUrl)).json();
  const py = await loadPyodide({
    indexURL: new URL("./assets/pyodide/", location.href).href,
    lockFileContents: lock,
    packageBaseUrl: new URL(".", lockUrl).href,
    packages: Object.keys(lock.packages),
  });
  return py.runPython(code);
};
document.title = "harness ready";
</script>"""

# With the shipped library alone: every module of the wheel (the core's and the pack's engine)
# imports, and the engine answers.
ENGINE_CHECK = """
import importlib, os, hipdrop, hipdrop.browser, hipdrop_course.engine
root = os.path.dirname(hipdrop.__path__[0])
for folder, _, names in [*os.walk(hipdrop.__path__[0]), *os.walk(hipdrop_course.engine.__path__[0])]:
    for name in names:
        if name.endswith(".py"):
            parts = os.path.relpath(os.path.join(folder, name[:-3]), root).split(os.sep)
            importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
hipdrop.browser.dispatch("engine.ping", "{}")
"""

RUNNER = """
import importlib, json, sys, traceback
sys.path.insert(0, "/engine_tests")
sys.path.append("/test_extras.zip")
# A package the shipped library holds (html) looks for the tests' extra submodules (html.parser) there too.
import zipfile
for entry in zipfile.ZipFile("/test_extras.zip").namelist():
    parts = entry.split("/")[:-1]
    for depth in range(1, len(parts) + 1):
        package = ".".join(parts[:depth])
        try:
            module = importlib.import_module(package)
        except ImportError:
            break
        extra = "/test_extras.zip/" + "/".join(parts[:depth])
        if hasattr(module, "__path__") and extra not in module.__path__:
            module.__path__.append(extra)
results = []
for name in NAMES:
    module = importlib.import_module(name[:-3])
    for attr in sorted(dir(module)):
        if attr.startswith("test_") and callable(getattr(module, attr)):
            try:
                getattr(module, attr)()
                results.append([f"{name}::{attr}", "passed", ""])
            except Exception:
                results.append([f"{name}::{attr}", "failed", traceback.format_exc()])
json.dumps({"python": sys.version.split()[0], "platform": sys.platform, "results": results})
"""


def extras_zip(built_site) -> bytes:
    """The modules the engine's tests import beyond what the shipped library holds."""
    full = (ROOT / "node_modules" / "pyodide" / "python_stdlib.zip").read_bytes()
    with zipfile.ZipFile(built_site / "assets" / "pyodide" / "python_stdlib.zip") as shipped:
        have = {name.removesuffix("c") for name in shipped.namelist()}
    # The tests' imports, and the build-time renderers' (added beside the wheel by the harness).
    tests = set().union(*(stdlib_trim.source_imports(folder, nested=True) for folder in ENGINE_TEST_DIRS))
    tests |= stdlib_trim.source_imports(ROOT / "macros" / "engine", nested=True)
    wanted = stdlib_trim.kept_files(full, tests, nested=True)
    return stdlib_trim.subset(full, {name for name in wanted if name not in have or name.endswith("/")})


@pytest.fixture
def harness_url(built_site, tmp_path):
    """The harness page in a folder of its own, next to a link to the built site's assets: the
    shared built site, which other tests read, is not written to."""
    (tmp_path / "engine-test-harness.html").write_text(HARNESS)
    (tmp_path / "test_extras.zip").write_bytes(extras_zip(built_site))
    (tmp_path / "assets").symlink_to(built_site / "assets", target_is_directory=True)
    server, url = serve_in_thread(tmp_path)
    yield url
    server.shutdown()
    server.server_close()


def test_engine_unit_tests_pass_inside_pyodide(page, harness_url, built_site):
    (lock,) = built_site.glob("assets/hipdrop/engine/*/pyodide-lock.json")
    files = {p.name: p.read_text() for folder in ENGINE_TEST_DIRS for p in sorted(folder.glob("test_*.py"))}
    assert files, "no engine tests found"
    runner = f"NAMES = {sorted(files)!r}\n" + RUNNER

    page.goto(harness_url + "engine-test-harness.html")
    page.wait_for_load_state("load")
    report = json.loads(
        page.evaluate(
            "([lock, files, runner, check, extra]) => runEngineTests(lock, files, runner, check, extra)",
            [harness_url + lock.relative_to(built_site).as_posix(), files, runner, ENGINE_CHECK, build_only_sources()],
        )
    )
    assert report["platform"] == "emscripten" and report["python"].startswith("3.")
    failed = [f"{name}\n{trace}" for name, outcome, trace in report["results"] if outcome != "passed"]
    assert failed == []
    ran = {name.split("::")[0] for name, _, _ in report["results"]}
    assert ran == set(files), f"engine test files that ran no test: {set(files) - ran}"
    assert not (built_site / "engine-test-harness.html").exists()


def test_the_site_ships_the_standard_library_trimmed_and_compiled(built_site):
    full = zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip").namelist()
    shipped = zipfile.ZipFile(built_site / "assets" / "pyodide" / "python_stdlib.zip").namelist()
    modules = [name for name in shipped if name.endswith((".py", ".pyc"))]
    assert len(modules) < len([name for name in full if name.endswith(".py")]) / 2
    assert "json/__init__.pyc" in shipped and "html/__init__.pyc" in shipped  # the engine's imports
    assert not any(name.startswith(("tkinter/", "unittest/test/", "idlelib/")) for name in shipped)


# Every registered problem generator, seeds 1 to 300, through the wheel's own registry.
PROBLEMS = """
import json
from hipdrop.quiz.generated import registered_generators, generator
json.dumps({name: [generator(name)(seed).to_dict() for seed in range(1, 301)] for name in sorted(registered_generators())})
"""


def test_the_same_seed_gives_the_same_problem_in_pyodide_as_in_cpython(page, harness_url, built_site):
    """Generated problems (numbers, answer, tolerance, every step's text) are the same in the
    reader's Pyodide as in the CPython that builds the site, worksheets and exports."""
    from quiz_versions import generators

    (lock,) = built_site.glob("assets/hipdrop/engine/*/pyodide-lock.json")
    page.goto(harness_url + "engine-test-harness.html")
    page.wait_for_load_state("load")
    in_pyodide = json.loads(
        page.evaluate("([lock, code]) => runInEngine(lock, code)", [harness_url + lock.relative_to(built_site).as_posix(), PROBLEMS])
    )
    table = generators()
    in_cpython = json.loads(json.dumps({name: [table[name](seed).to_dict() for seed in range(1, 301)] for name in table}))
    assert sorted(in_pyodide) == sorted(in_cpython) and in_cpython
    for name in in_cpython:
        differ = [seed for seed, (a, b) in enumerate(zip(in_pyodide[name], in_cpython[name]), 1) if a != b]
        assert differ == [], f"{name}: seeds {differ[:10]} differ between Pyodide and CPython"
