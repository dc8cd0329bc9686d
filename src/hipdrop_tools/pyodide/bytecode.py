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

# The Node script and the Python it runs inside Pyodide (package data, next to this module).
SCRIPT = Path(__file__).with_name("compile.mjs")
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
        source, target = Path(tmp) / "in.zip", Path(tmp) / "out.zip"
        source.write_bytes(source_zip)
        pyodide = (pyodide_dir / "pyodide.mjs").resolve()
        try:
            result = subprocess.run(
                [node, str(SCRIPT), str(pyodide), str(source), str(target), mode],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
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
