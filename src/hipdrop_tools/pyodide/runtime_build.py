"""What the site's Pyodide runs, prepared by one Node run of the pinned Pyodide at build time: the
standard library trimmed to what the course needs and compiled to bytecode, and the engine's
bytecode.

Pyodide's ``python_stdlib.zip`` holds 559 modules as sources only, so a default boot compiles the
~190 its start-up imports, every time: most of the time Python takes to start. ``runtime_build.mjs``
boots Pyodide under Node as the browser's worker does (the engine wheel loaded through its lock,
the worker's entry module imported), records ``sys.modules``, and hands over to ``in_pyodide``,
which keeps those modules, what the engine imports and what they import in turn (``stdlib_trim``),
and compiles them (``py_compile``, unchecked-hash ``.pyc``) with Pyodide's own Python 3.14.

No maintained tool does this: pyodide-build's ``pyodide py-compile`` compiles with the host's
Python, which must be Pyodide's minor version (3.14; this project runs 3.11 and pyodide-build
3.12+), and it does not trim; its ``create-zipfile`` was removed. The result is kept in the cache
folder, keyed by every input. Without Node (or when the run fails) the site ships the npm
package's standard library and the engine's sources as they are (slower to start, same behaviour)
and the build says why, once. No MkDocs import here.
"""

import hashlib
import io
import json
import logging
import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hipdrop_tools.pyodide import in_pyodide, lock, stdlib_trim

SCRIPT = Path(__file__).with_name("runtime_build.mjs")
STDLIB = "python_stdlib.zip"
ENTRY_MODULE = "hipdrop.browser"  # what worker.js imports once Pyodide is up
TIMEOUT_S = 300
_OUTPUTS = ("python_stdlib.zip", "engine_bytecode.zip", "startup_modules.json")


@dataclass(frozen=True)
class Runtime:
    stdlib: bytes  # the python_stdlib.zip the site ships
    engine_bytecode: tuple[tuple[str, bytes], ...]  # (archive name, .pyc) for the engine wheel
    startup_modules: tuple[str, ...]  # the standard-library modules a boot imported (recorded)

    @property
    def prepared(self) -> bool:
        return bool(self.startup_modules)


def _key(pyodide_dir: Path, wheel: bytes) -> str:
    digest = hashlib.sha256(wheel)
    inputs = [pyodide_dir / name for name in (STDLIB, "pyodide.asm.wasm", "pyodide.mjs", "pyodide.asm.mjs")]
    inputs += [SCRIPT, Path(in_pyodide.__file__), Path(stdlib_trim.__file__)]
    for path in inputs:
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _unpack(bundle: bytes) -> Runtime:
    with zipfile.ZipFile(io.BytesIO(bundle)) as outer:
        stdlib = outer.read("python_stdlib.zip")
        with zipfile.ZipFile(io.BytesIO(outer.read("engine_bytecode.zip"))) as inner:
            bytecode = tuple(sorted((name, inner.read(name)) for name in inner.namelist()))
        startup = tuple(json.loads(outer.read("startup_modules.json")))
    return Runtime(stdlib=stdlib, engine_bytecode=bytecode, startup_modules=startup)


def _run_node(node: str, pyodide_dir: Path, wheel_name: str, wheel: bytes, work: Path) -> bytes:
    """One Node run; returns its three outputs in one zip, or raises RuntimeError with the reason."""
    (work / wheel_name).write_bytes(wheel)
    npm_lock = (pyodide_dir / lock.LOCK_FILE).read_bytes()
    (work / lock.LOCK_FILE).write_bytes(lock.add_wheels(lock.runtime_lock(npm_lock), [work / wheel_name]))
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        sources = sorted(n for n in archive.namelist() if n.endswith(".py") and ".dist-info/" not in n)
    request = {"entry": ENTRY_MODULE, "engine_sources": sources, "margin": sorted(stdlib_trim.MARGIN_MODULES)}
    (work / "request.json").write_text(json.dumps(request), encoding="utf-8")
    shutil.copyfile(in_pyodide.__file__, work / "in_pyodide.py")
    shutil.copyfile(stdlib_trim.__file__, work / "stdlib_trim.py")
    command = [node, str(SCRIPT), (pyodide_dir / "pyodide.mjs").resolve().as_uri(), str(work)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"timed out after {TIMEOUT_S} s") from None
    missing = [name for name in _OUTPUTS if not (work / "out" / name).is_file()]
    if result.returncode != 0 or missing:
        raise RuntimeError((result.stderr.strip().splitlines() or ["no output"])[-1][:300])
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as outer:
        for name in _OUTPUTS:
            outer.writestr(name, (work / "out" / name).read_bytes())
    return bundle.getvalue()


def prepare(pyodide_dir: Path, wheel_name: str, wheel: bytes, cache_dir: Path | None = None) -> Runtime:
    """The standard library and the engine's bytecode for the engine wheel ``wheel`` (its sources,
    named ``wheel_name``); the npm package's library and no bytecode where Node cannot do it."""
    full_stdlib = (pyodide_dir / STDLIB).read_bytes()
    entry = cache_dir / f"{_key(pyodide_dir, wheel)}.runtime.zip" if cache_dir is not None else None
    if entry is not None and entry.is_file():
        return _unpack(entry.read_bytes())
    log = logging.getLogger("mkdocs.plugins.hipdrop")
    unprepared = Runtime(stdlib=full_stdlib, engine_bytecode=(), startup_modules=())
    node = shutil.which("node")
    if node is None:
        log.info("hipdrop: Node.js not found, so the full standard library is shipped as source (Python starts slower)")
        return unprepared
    with tempfile.TemporaryDirectory(prefix="hipdrop-runtime-") as tmp:
        try:
            bundle = _run_node(node, pyodide_dir, wheel_name, wheel, Path(tmp))
        except RuntimeError as error:
            log.info("hipdrop: the standard library could not be trimmed and compiled (%s); shipped as it is", error)
            return unprepared
    if entry is not None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f"{entry.name}.{os.getpid()}.part")
        partial.write_bytes(bundle)
        partial.replace(entry)
    return _unpack(bundle)
