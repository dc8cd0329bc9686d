"""The baseline page for measure 3: it only boots the same Pyodide, in a module worker as the
course does, and records when Python is up. Written into the benchmark's own copy of the site."""

from pathlib import Path

FOLDER = "bench-bare"

PAGE = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Bare Pyodide boot</title><link rel="icon" href="data:,">
<p>Booting Pyodide only.</p>
<script type="module">
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
worker.onmessage = () => {
  window.__hdBench.readyAt[location.href + "#bare"] = performance.timeOrigin + performance.now();
};
</script>
</html>
"""

WORKER = """import { loadPyodide } from "../assets/pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../assets/pyodide/", import.meta.url).href, packages: [] });
self.postMessage("ready");
"""


def write_bare_page(site: Path) -> str:
    """Write the page into the built site; returns its URL path."""
    folder = site / FOLDER
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    (folder / "worker.js").write_text(WORKER, encoding="utf-8")
    return f"{FOLDER}/"
