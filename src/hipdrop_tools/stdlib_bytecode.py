"""The trimmed standard library compiled to bytecode by Pyodide's own Python, at build time.

Pyodide's ``python_stdlib.zip`` holds sources only, so every boot compiles the 150 modules its
start-up imports: most of the time Python takes to start. Compiled once here (Node runs the
pinned Pyodide from node_modules), each ``<module>.py`` becomes ``<module>.pyc`` (unchecked
hash-based, so no source is needed next to it); the boot then only loads them. The result is kept
in the cache folder, keyed by the zip and the Pyodide files. Without Node the sources are shipped
as they are (slower to start, same behaviour) and the build says so once.
"""

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPT = r"""
import { loadPyodide } from "__PYODIDE__";
import fs from "node:fs";
const [input, output] = process.argv.slice(2);
const py = await loadPyodide({ packages: [] });
py.FS.writeFile("/tmp/in.zip", new Uint8Array(fs.readFileSync(input)));
py.runPython(`
import sys, zipfile, importlib.util, importlib._bootstrap_external as external
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
with zipfile.ZipFile("/tmp/in.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for info in source.infolist():
        data = source.read(info)
        if info.filename.endswith(".py") and not info.filename.startswith("_sysconfigdata"):
            code = compile(data, prefix + info.filename, "exec", dont_inherit=True)
            pyc = external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            entry = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
            entry.external_attr = info.external_attr
            out.writestr(entry, bytes(pyc))
        else:
            out.writestr(info, data)
`);
fs.writeFileSync(output, py.FS.readFile("/tmp/out.zip"));
"""
TIMEOUT_S = 300


def _key(stdlib_zip: bytes, pyodide_dir: Path) -> str:
    digest = hashlib.sha256(stdlib_zip)
    for name in ("pyodide.asm.wasm", "pyodide.mjs"):
        digest.update(hashlib.sha256((pyodide_dir / name).read_bytes()).digest())
    return digest.hexdigest()


def compile_stdlib(stdlib_zip: bytes, pyodide_dir: Path, cache_dir: Path | None = None) -> bytes:
    """``stdlib_zip`` with its modules compiled; unchanged when Node cannot run Pyodide here."""
    entry = cache_dir / f"{_key(stdlib_zip, pyodide_dir)}.stdlib-pyc.zip" if cache_dir is not None else None
    if entry is not None and entry.is_file():
        return entry.read_bytes()
    node = shutil.which("node")
    log = logging.getLogger("mkdocs.hooks.hipdrop")
    if node is None:
        log.info("hipdrop: Node.js not found, so the standard library is shipped as source (Python starts slower)")
        return stdlib_zip
    with tempfile.TemporaryDirectory(prefix="hipdrop-stdlib-") as tmp:
        script, source, target = Path(tmp) / "compile.mjs", Path(tmp) / "in.zip", Path(tmp) / "out.zip"
        script.write_text(SCRIPT.replace("__PYODIDE__", (pyodide_dir / "pyodide.mjs").resolve().as_uri()), encoding="utf-8")
        source.write_bytes(stdlib_zip)
        try:
            result = subprocess.run([node, str(script), str(source), str(target)],
                                    capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            result = None
        if result is None or result.returncode != 0 or not target.is_file():
            reason = "timed out" if result is None else (result.stderr.strip().splitlines() or ["no output"])[-1]
            log.info("hipdrop: the standard library could not be compiled (%s); shipped as source", reason[:300])
            return stdlib_zip
        compiled = target.read_bytes()
    if entry is not None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f"{entry.name}.{os.getpid()}.part")
        partial.write_bytes(compiled)
        partial.replace(entry)
    return compiled
