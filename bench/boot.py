"""Widget ready against a bare Pyodide boot, side by side, cold and warm, on two servers.

The bare page: the npm package's own files (``pyodide.mjs``, ``pyodide.asm.mjs``,
``pyodide.asm.wasm``, ``python_stdlib.zip``, ``pyodide-lock.json``, as ``npm install pyodide``
gives them), ``loadPyodide({indexURL})`` then ``runPython("1+1")`` in a module worker, the page
told when that is done. Ours: the program page (its widget is in the first screen), ready when
every widget on it says so. Both are timed the same way, from the start of navigation
(``performance.timeOrigin``) to ready, in the page.

Two servers, each serving both sides from one folder:
- ``project``: the course's own server (``hipdrop_tools.offline.serve``), the precompressed copies
  the build writes (the bare page's files precompressed the same way), as ``make serve`` runs it;
- ``plain``: ``bench/plain_server.py``, gzip on the fly only, no precompressed copies, no headers
  of ours, as GitHub Pages or a university's web server gives.

And the steps of our boot, each measured beside the rest (project server):
- ``ours_lock``: the engine wheel loaded by ``loadPyodide({lockFileContents, packages})``, Pyodide's
  own loader fetching it with the lock's sha256 (``bench/variants/worker_lock.js``), against the
  shipped worker's own fetch (same integrity check) and ``unpackArchive``;
- ``ours_source_stdlib``: the npm package's standard library (all of it, sources) in place of the
  trimmed, compiled one the build ships.

Interleaved runs (the order of the sides turns at every run). Cold: a fresh browser context (empty
HTTP cache) per visit. Warm: one context per side, visited once, then measured on visits that
reuse its HTTP cache. Service workers are blocked everywhere, so warm is the HTTP cache only.

    .venv/bin/python bench/boot.py [--runs 5] [--site DIR] [--sides ours,bare,...] [--report]

``--report`` also puts the figures into bench/report.json (``results.ready_ms``, with this run's
machine and load as ``results.ready_machine``) and README.md's Benchmark rows, as ``make bench``
would, without measuring the rest again.

``measure(site_dir, runs)`` returns the same numbers for ``make bench``. No test asserts a time.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from plain_server import serve_plain  # noqa: E402

from hipdrop_tools.course.project import Project  # noqa: E402
from hipdrop_tools.handouts import chromium  # noqa: E402
from hipdrop_tools.offline import precompress  # noqa: E402
from hipdrop_tools.offline.serve import serve_in_thread  # noqa: E402

NPM_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
TIMEOUT_MS = 180_000
# side -> (server, folder under the served root, page in it)
SIDES = {
    "ours": ("project", "course", None),
    "bare": ("project", "bare", ""),
    "ours_plain": ("plain", "course", None),
    "bare_plain": ("plain", "bare", ""),
    "ours_lock": ("project", "course-lock", None),
    "ours_source_stdlib": ("project", "course-source-stdlib", None),
    "bare_site_runtime": ("project", "bare-site-runtime", ""),
}
# Measured on request only (--sides): what explains the baseline (bench/NOTES.md).
EXTRA_SIDES = ("bare_site_runtime",)
LABELS = {
    "ours": "ours, project server",
    "bare": "bare Pyodide boot, project server",
    "ours_plain": "ours, plain server (gzip on the fly)",
    "bare_plain": "bare Pyodide boot, plain server",
    "ours_lock": "ours, engine loaded by loadPyodide's packages option from the lock",
    "ours_source_stdlib": "ours, npm standard library (not trimmed or compiled)",
    "bare_site_runtime": "bare boot of the site's own runtime (trimmed, compiled standard library)",
}

BARE_PAGE = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Bare Pyodide boot</title><link rel="icon" href="data:,">
<p>loadPyodide() then runPython("1+1") in a module worker.</p>
<script type="module">
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
worker.onmessage = () => { window.__bootReadyAt = performance.now(); };
</script></html>
"""
BARE_WORKER = """import { loadPyodide } from "./pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: new URL("./pyodide/", import.meta.url).href });
pyodide.runPython("1+1");
self.postMessage("ready");
"""
# The same bare boot of the built site's own copy of Pyodide (its trimmed, compiled standard
# library; the engine's lock for the runtime's info, no package loaded).
BARE_SITE_WORKER = """import { loadPyodide } from "../course/assets/pyodide/pyodide.mjs";
const lockURL = new URL("../course/LOCK", import.meta.url);
const { info } = await (await fetch(lockURL)).json();
const indexURL = new URL("../course/assets/pyodide/", import.meta.url).href;
const pyodide = await loadPyodide({ indexURL, lockFileContents: { info, packages: {} } });
pyodide.runPython("1+1");
self.postMessage("ready");
"""
# Ours: the moment every widget on the page says it is ready.
READY_PROBE = """
(() => {
  const check = () => {
    const roots = [...document.querySelectorAll("[data-hipdrop-widget]")];
    if (roots.length && roots.every((r) => r.dataset.hipdropState === "ready") && !window.__bootReadyAt) {
      window.__bootReadyAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-hipdrop-state"],
  });
})();
"""


def write_bare_page(folder: Path, pyodide_dir: Path) -> None:
    """The bare page and the npm package's five files, precompressed as the build does ours."""
    (folder / "pyodide").mkdir(parents=True, exist_ok=True)
    for name in NPM_FILES:
        shutil.copyfile(pyodide_dir / name, folder / "pyodide" / name)
    (folder / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    (folder / "worker.js").write_text(BARE_WORKER, encoding="utf-8")
    precompress.precompress_site(folder, Project(ROOT).cache_dir / "precompress")


def _replace(site: Path, rel: str, content: bytes) -> None:
    """Write ``rel`` anew (the copy is hard-linked to the original) without its precompressed copies."""
    target = site / rel
    for path in (target, target.with_name(target.name + ".br"), target.with_name(target.name + ".gz")):
        path.unlink(missing_ok=True)
    target.write_bytes(content)


def write_sides(root: Path, site_dir: Path, pyodide_dir: Path, sides: list[str]) -> None:
    """The course and its variants as hard-linked copies under ``root``, and the bare page."""
    shutil.copytree(site_dir, root / "course")
    if "ours_lock" in sides:
        shutil.copytree(site_dir, root / "course-lock", copy_function=os.link)
        variant = (Path(__file__).resolve().parent / "variants" / "worker_lock.js").read_bytes()
        _replace(root / "course-lock", "assets/hipdrop/js/worker.js", variant)
    if "ours_source_stdlib" in sides:
        shutil.copytree(site_dir, root / "course-source-stdlib", copy_function=os.link)
        _replace(root / "course-source-stdlib", "assets/pyodide/python_stdlib.zip",
                 (pyodide_dir / "python_stdlib.zip").read_bytes())
    write_bare_page(root / "bare", pyodide_dir)
    if "bare_site_runtime" in sides:
        folder = root / "bare-site-runtime"
        folder.mkdir()
        (lock,) = (root / "course").glob("assets/hipdrop/engine/*/pyodide-lock.json")
        (folder / "index.html").write_text(BARE_PAGE, encoding="utf-8")
        worker = BARE_SITE_WORKER.replace("LOCK", lock.relative_to(root / "course").as_posix())
        (folder / "worker.js").write_text(worker, encoding="utf-8")


def widget_page(site: Path) -> str:
    """The program page (the picker, in the first screen), else the first page with a widget."""
    if (site / "program" / "index.html").is_file():
        return "program/"
    for html in sorted(site.rglob("index.html")):
        if "data-hipdrop-widget=" in html.read_text(encoding="utf-8"):
            rel = html.parent.relative_to(site).as_posix()
            return "" if rel == "." else rel + "/"
    raise SystemExit(f"{site}: no page with a widget")


def _visit(page, url: str) -> float:
    """Milliseconds from the start of navigation to ready."""
    page.goto(url, wait_until="commit")
    handle = page.wait_for_function("() => window.__bootReadyAt", timeout=TIMEOUT_MS)
    return float(handle.json_value())


def _context(browser):
    context = browser.new_context(service_workers="block")
    context.add_init_script(READY_PROBE)
    return context


def _order(names: list[str], run: int) -> list[str]:
    shift = run % len(names)
    return names[shift:] + names[:shift]


def _runs(browser, urls: dict[str, str], runs: int) -> dict[str, list[float]]:
    names = list(urls)
    times: dict[str, list[float]] = {f"{name}_{mode}": [] for mode in ("cold", "warm") for name in names}
    for run in range(runs):
        for name in _order(names, run):
            context = _context(browser)
            try:
                times[f"{name}_cold"].append(_visit(context.new_page(), urls[name]))
            finally:
                context.close()
            print(f"cold {run + 1}/{runs} {name}: {times[f'{name}_cold'][-1]:.0f} ms", file=sys.stderr, flush=True)
    warm = {name: _context(browser) for name in names}
    try:
        pages = {name: context.new_page() for name, context in warm.items()}
        for name, page in pages.items():
            _visit(page, urls[name])  # fills this side's HTTP cache
        for run in range(runs):
            for name in _order(names, run):
                pages[name].goto("about:blank")
                times[f"{name}_warm"].append(_visit(pages[name], urls[name]))
                print(f"warm {run + 1}/{runs} {name}: {times[f'{name}_warm'][-1]:.0f} ms", file=sys.stderr, flush=True)
    finally:
        for context in warm.values():
            context.close()
    return times


def measure(site_dir: Path, runs: int = 5, pyodide_dir: Path = ROOT / "node_modules" / "pyodide", browser=None,
            sides: list[str] | None = None) -> dict:
    """Medians (ms) of every side, cold and warm, ours against the bare boot on each server, and
    every run. The site folder is copied, so the built site is not written to. ``browser``: a
    Playwright browser already running (make bench's); without it, one is launched here."""
    from playwright.sync_api import sync_playwright

    sides = sides or [name for name in SIDES if name not in EXTRA_SIDES]
    with tempfile.TemporaryDirectory(prefix="hipdrop-boot-") as tmp:
        root = Path(tmp)
        write_sides(root, site_dir, pyodide_dir, sides)
        page = widget_page(root / "course")
        servers = {"project": serve_in_thread(root), "plain": serve_plain(root)}
        urls = {}
        for name in sides:
            server, folder, rel = SIDES[name]
            urls[name] = f"{servers[server][1]}{folder}/{page if rel is None else rel}"
        try:
            if browser is not None:
                times = _runs(browser, urls, runs)
            else:
                with sync_playwright() as pw:
                    own = pw.chromium.launch(executable_path=chromium.EXECUTABLE, args=list(chromium.LAUNCH_ARGS))
                    try:
                        times = _runs(own, urls, runs)
                    finally:
                        own.close()
        finally:
            for server, _ in servers.values():
                server.shutdown()
                server.server_close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = {}
    for ours, bare, label in (("ours", "bare", ""), ("ours_plain", "bare_plain", "_plain")):
        if ours in sides and bare in sides:
            for mode in ("cold", "warm"):
                ratio[f"{mode}{label}"] = medians[f"{ours}_{mode}"] / medians[f"{bare}_{mode}"]
    return {"page": page, "median_ms": medians, "ratio": ratio, "target": {"cold": 0.8, "warm": 0.5},
            "runs_ms": times}


def write_report(result: dict, load_at_start: list[float]) -> None:
    """The figures into bench/report.json (its other measures kept, when there is one) and into the
    widget-ready rows of README.md's Benchmark section (the other rows left as they are)."""
    import machine
    import report
    import targets
    from playwright.sync_api import sync_playwright
    from stats import summarize

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium.EXECUTABLE, args=list(chromium.LAUNCH_ARGS))
        version = browser.version
        browser.close()
    about = machine.describe(version, ROOT)
    about["load_average_at_start"] = load_at_start
    path = ROOT / "bench" / "report.json"
    saved = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"machine": about, "results": {}}
    results = saved["results"]
    results["ready_ms"] = {name: summarize(values).to_dict() for name, values in result["runs_ms"].items()}
    results.setdefault("raw", {})["ready_ms"] = result["runs_ms"]
    results["ready_machine"] = about
    results.setdefault("pages", {})["ready"] = result["page"]
    ready_verdicts = targets.ready_verdicts(results["ready_ms"])
    path.write_text(json.dumps({**saved, "results": results,
                                "ready_targets": [v.to_dict() for v in ready_verdicts]}, indent=2) + "\n")
    report.replace_ready_rows(ROOT / "README.md", results, ready_verdicts)
    print(f"wrote {path.relative_to(ROOT)} and README.md's widget-ready rows")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--sides", default=",".join(s for s in SIDES if s not in EXTRA_SIDES),
                        help=f"comma-separated, of: {', '.join(SIDES)}")
    parser.add_argument("--report", action="store_true", help="also write bench/report.json and README.md's rows")
    args = parser.parse_args(argv)
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    sides = [s for s in args.sides.split(",") if s]
    unknown = [s for s in sides if s not in SIDES]
    if unknown:
        parser.error(f"unknown sides: {', '.join(unknown)}")
    if args.site is not None:
        result = measure(args.site, args.runs, sides=sides)
    else:
        with tempfile.TemporaryDirectory(prefix="hipdrop-boot-build-") as tmp:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", tmp],
                           cwd=ROOT, check=True)
            result = measure(Path(tmp), args.runs, sides=sides)
    print(json.dumps({k: v for k, v in result.items() if k != "runs_ms"}, indent=2))
    print(json.dumps(result["runs_ms"]))
    if args.report:
        write_report(result, load_at_start)


if __name__ == "__main__":
    main()
