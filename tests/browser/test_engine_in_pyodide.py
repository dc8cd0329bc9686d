"""The engine's unit tests (tests/engine, standard library only) run inside Pyodide in Chromium,
against the very wheel the site ships, so the browser runtime is proven, not assumed. The wheel
leaves out the build-time renderers (static HTML, run by the plugin): the harness adds their
source beside it, so their tests run in Pyodide too."""

import json

import pytest

from hipdrop_tools.packs import enabled_packs
from hipdrop_tools.serve import serve_in_thread
from support import ROOT


def build_only_sources() -> dict[str, str]:
    """The course's build-time renderers (left out of the wheel) as {path in site-packages: source}."""
    sources = {}
    for pack in enabled_packs(["hip-drop"]):
        for module in pack.build_only:
            path = module.replace(".", "/") + ".py"
            sources[path] = (ROOT / "src" / path).read_text()
    return sources

HARNESS = """<!doctype html><meta charset="utf-8"><title>engine tests in Pyodide</title>
<script type="module">
import { loadPyodide } from "./assets/pyodide/pyodide.mjs";
window.runEngineTests = async (wheelUrl, files, runner, buildOnly) => {
  const py = await loadPyodide({ indexURL: new URL("./assets/pyodide/", location.href).href });
  py.unpackArchive(await (await fetch(wheelUrl)).arrayBuffer(), "wheel");
  const purelib = py.runPython("import hipdrop, os; os.path.dirname(os.path.dirname(hipdrop.__file__))");
  for (const [path, text] of Object.entries(buildOnly)) py.FS.writeFile(`${purelib}/${path}`, text);
  py.FS.mkdirTree("/engine_tests");
  for (const [name, text] of Object.entries(files)) py.FS.writeFile(`/engine_tests/${name}`, text);
  return py.runPython(runner);
};
document.title = "harness ready";
</script>"""

RUNNER = """
import importlib, json, sys, traceback
sys.path.insert(0, "/engine_tests")
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


@pytest.fixture
def harness_url(built_site, tmp_path):
    """The harness page in a folder of its own, next to a link to the built site's assets: the
    shared built site, which other tests read, is not written to."""
    (tmp_path / "engine-test-harness.html").write_text(HARNESS)
    (tmp_path / "assets").symlink_to(built_site / "assets", target_is_directory=True)
    server, url = serve_in_thread(tmp_path)
    yield url
    server.shutdown()
    server.server_close()


def test_engine_unit_tests_pass_inside_pyodide(page, harness_url, built_site):
    (wheel,) = built_site.glob("assets/hipdrop/engine/*/hipdrop-*.whl")
    files = {p.name: p.read_text() for p in sorted((ROOT / "tests" / "engine").glob("test_*.py"))}
    assert files, "no engine tests found"
    runner = f"NAMES = {sorted(files)!r}\n" + RUNNER

    page.goto(harness_url + "engine-test-harness.html")
    page.wait_for_load_state("load")
    report = json.loads(
        page.evaluate(
            "([wheel, files, runner, extra]) => runEngineTests(wheel, files, runner, extra)",
            [harness_url + wheel.relative_to(built_site).as_posix(), files, runner, build_only_sources()],
        )
    )
    assert report["platform"] == "emscripten" and report["python"].startswith("3.")
    failed = [f"{name}\n{trace}" for name, outcome, trace in report["results"] if outcome != "passed"]
    assert failed == []
    ran = {name.split("::")[0] for name, _, _ in report["results"]}
    assert ran == set(files), f"engine test files that ran no test: {set(files) - ran}"
    assert not (built_site / "engine-test-harness.html").exists()
