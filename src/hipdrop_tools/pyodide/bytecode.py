"""The trimmed standard library and the engine compiled to bytecode by Pyodide's own Python, at
build time.

Pyodide's ``python_stdlib.zip`` holds sources only, so every boot compiles the 150 modules its
start-up imports: most of the time Python takes to start. Compiled once here (Node runs the
pinned Pyodide from node_modules), each ``<module>.py`` becomes ``<module>.pyc`` (unchecked
hash-based, so no source is needed next to it); the boot then only loads them. The engine wheel
keeps its sources and gains ``__pycache__/*.pyc`` files, which Python takes without checking. The result is kept
in the cache folder, keyed by the zip and the Pyodide files. Without Node the sources are shipped
as they are (slower to start, same behaviour) and the build says so once.
"""

import hashlib
import io
import logging
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

SCRIPT = r"""
import { loadPyodide } from "__PYODIDE__";
import fs from "node:fs";
const [input, output, mode] = process.argv.slice(2);
const py = await loadPyodide({ packages: [] });
py.FS.writeFile("/tmp/in.zip", new Uint8Array(fs.readFileSync(input)));
py.globals.set("mode", mode);
py.runPython(`
import sys, zipfile, importlib.util, importlib._bootstrap_external as external
prefix = ("/lib/python%d%d.zip/" if mode == "sourceless" else "/lib/python%d.%d/site-packages/") % sys.version_info[:2]
with zipfile.ZipFile("/tmp/in.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for info in source.infolist():
        data = source.read(info)
        if info.filename.endswith(".py") and not info.filename.startswith("_sysconfigdata"):
            code = compile(data, prefix + info.filename, "exec", dont_inherit=True)
            pyc = external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            if mode == "sourceless":  # the module's .pyc in place of its .py
                name = info.filename + "c"
            else:  # next to the source, where Python looks first: __pycache__/<module>.<tag>.pyc
                name = importlib.util.cache_from_source("/" + info.filename)[1:]
                out.writestr(info, data)
            entry = zipfile.ZipInfo(name, date_time=info.date_time)
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
    return compile_zip(stdlib_zip, pyodide_dir, cache_dir, "sourceless")


def compile_engine(
    files: list[tuple[str, bytes]], pyodide_dir: Path, cache_dir: Path | None = None
) -> list[tuple[str, bytes]]:
    """The engine's ``__pycache__/<module>.cpython-3XY.pyc`` files (unchecked hash-based, so
    Python takes them without reading the source) for its (archive name, source) pairs; none
    when Node cannot run Pyodide here."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)
    compiled = compile_zip(buffer.getvalue(), pyodide_dir, cache_dir, "cached")
    with zipfile.ZipFile(io.BytesIO(compiled)) as archive:
        return sorted((name, archive.read(name)) for name in archive.namelist() if name.endswith(".pyc"))


def compile_zip(source_zip: bytes, pyodide_dir: Path, cache_dir: Path | None, mode: str) -> bytes:
    entry = cache_dir / f"{_key(source_zip, pyodide_dir)}.{mode}-pyc.zip" if cache_dir is not None else None
    if entry is not None and entry.is_file():
        return entry.read_bytes()
    node = shutil.which("node")
    log = logging.getLogger("mkdocs.hooks.hipdrop")
    if node is None:
        log.info("hipdrop: Node.js not found, so Python is shipped as source (it starts slower)")
        return source_zip
    with tempfile.TemporaryDirectory(prefix="hipdrop-bytecode-") as tmp:
        script, source, target = Path(tmp) / "compile.mjs", Path(tmp) / "in.zip", Path(tmp) / "out.zip"
        script.write_text(
            SCRIPT.replace("__PYODIDE__", (pyodide_dir / "pyodide.mjs").resolve().as_uri()), encoding="utf-8"
        )
        source.write_bytes(source_zip)
        try:
            result = subprocess.run(
                [node, str(script), str(source), str(target), mode], capture_output=True, text=True, timeout=TIMEOUT_S
            )
        except subprocess.TimeoutExpired:
            result = None
        if result is None or result.returncode != 0 or not target.is_file():
            reason = "timed out" if result is None else (result.stderr.strip().splitlines() or ["no output"])[-1]
            log.info("hipdrop: Python could not be compiled to bytecode (%s); shipped as source", reason[:300])
            return source_zip
        compiled = target.read_bytes()
    if entry is not None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f"{entry.name}.{os.getpid()}.part")
        partial.write_bytes(compiled)
        partial.replace(entry)
    return compiled
