"""Widget ready against a bare Pyodide boot, side by side: the course's program page (its widget is
in the first screen) against a page that only runs a default ``loadPyodide()`` from the npm
package's own files (same version, its full standard library), both served by the course's server
(``hipdrop_tools.offline.serve``, precompressed copies included) from one folder, in one Chromium.

Interleaved runs (bare first on even runs, ours first on odd runs). Cold: a fresh browser context,
empty HTTP cache, per visit. Warm: one context per side, visited once, then measured on visits that
reuse its HTTP cache. Service workers are blocked on both sides, so warm is the HTTP cache only.

    .venv/bin/python bench/boot.py [--runs 5] [--site DIR]   # prints the medians and ratios

``measure(site_dir, runs)`` returns the same numbers for ``make bench``. No test asserts a time.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from hipdrop_tools.course.project import Project  # noqa: E402
from hipdrop_tools.handouts import chromium  # noqa: E402
from hipdrop_tools.offline import precompress  # noqa: E402
from hipdrop_tools.offline.serve import serve_in_thread  # noqa: E402

BARE_DIR = "bench-boot-bare"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
TIMEOUT_MS = 180_000

BARE_PAGE = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Bare Pyodide boot</title><link rel="icon" href="data:,">
<p>A default loadPyodide() in a module worker.</p>
<script type="module">
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
worker.onmessage = () => { window.__bootReadyAt = performance.now(); };
</script></html>
"""
# The default boot: indexURL is the folder pyodide.mjs comes from; nothing else is passed.
BARE_WORKER = """import { loadPyodide } from "./pyodide/pyodide.mjs";
await loadPyodide();
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


def write_bare_page(site: Path, pyodide_dir: Path) -> str:
    """The bare page and the npm package's five files, precompressed as the build does ours."""
    folder = site / BARE_DIR
    (folder / "pyodide").mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(pyodide_dir / name, folder / "pyodide" / name)
    (folder / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    (folder / "worker.js").write_text(BARE_WORKER, encoding="utf-8")
    precompress.precompress_site(folder, Project(ROOT).cache_dir / "precompress")
    return f"{BARE_DIR}/"


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


def _runs(browser, urls: dict[str, str], runs: int) -> dict[str, list[float]]:
    times = {f"{name}_{mode}": [] for mode in ("cold", "warm") for name in urls}
    for run in range(runs):
        for name in (("bare", "ours") if run % 2 == 0 else ("ours", "bare")):
            context = _context(browser)
            try:
                times[f"{name}_cold"].append(_visit(context.new_page(), urls[name]))
            finally:
                context.close()
            print(f"cold {run + 1}/{runs} {name}: {times[f'{name}_cold'][-1]:.0f} ms", file=sys.stderr, flush=True)
    warm = {name: _context(browser) for name in urls}
    try:
        pages = {name: context.new_page() for name, context in warm.items()}
        for name, page in pages.items():
            _visit(page, urls[name])  # fills this side's HTTP cache
        for run in range(runs):
            for name in (("bare", "ours") if run % 2 == 0 else ("ours", "bare")):
                pages[name].goto("about:blank")
                times[f"{name}_warm"].append(_visit(pages[name], urls[name]))
                print(f"warm {run + 1}/{runs} {name}: {times[f'{name}_warm'][-1]:.0f} ms", file=sys.stderr, flush=True)
    finally:
        for context in warm.values():
            context.close()
    return times


def measure(site_dir: Path, runs: int = 5, pyodide_dir: Path = ROOT / "node_modules" / "pyodide", browser=None) -> dict:
    """Medians (ms) of ours and the bare boot, cold and warm, their ratios and every run. The
    site folder is copied, so the built site is not written to. ``browser``: a Playwright browser
    already running (make bench's); without it, one is launched here."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="hipdrop-boot-") as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(site_dir, site)
        urls_rel = {"ours": widget_page(site), "bare": write_bare_page(site, pyodide_dir)}
        server, base = serve_in_thread(site)
        urls = {name: base + rel for name, rel in urls_rel.items()}
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
            server.shutdown()
            server.server_close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    return {
        "pages": urls_rel,
        "median_ms": medians,
        "ratio": {mode: medians[f"ours_{mode}"] / medians[f"bare_{mode}"] for mode in ("cold", "warm")},
        "target": {"cold": 0.8, "warm": 0.7},
        "runs_ms": times,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    args = parser.parse_args(argv)
    if args.site is not None:
        result = measure(args.site, args.runs)
    else:
        with tempfile.TemporaryDirectory(prefix="hipdrop-boot-build-") as tmp:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", tmp],
                           cwd=ROOT, check=True)
            result = measure(Path(tmp), args.runs)
    print(json.dumps({k: v for k, v in result.items() if k != "runs_ms"}, indent=2))
    print(json.dumps(result["runs_ms"]))


if __name__ == "__main__":
    main()
