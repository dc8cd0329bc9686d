"""The build's bytecode compilation (hipdrop_tools.pyodide.bytecode: compile.mjs runs
compile_in_pyodide.py in the pinned Pyodide under Node), without the cache: the standard library's
modules become .pyc files in place of their sources, the engine's gain __pycache__ files beside
them, each compiled by the browser's Python version (its magic number), unchecked hash-based."""

import importlib.util
import io
import shutil
import zipfile

import pytest

from hipdrop_tools.course.project import VENDOR_PYODIDE_DIR
from hipdrop_tools.pyodide.bytecode import compile_zip

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js missing (make setup installs it)")

SOURCES = {"pkg/__init__.py": b"", "pkg/mod.py": b"def double(x):\n    return 2 * x\n", "pkg/data.txt": b"text"}


def source_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in SOURCES.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_sourceless_and_cached_compilation_by_pyodides_python():
    sourceless = entries(compile_zip(source_zip(), VENDOR_PYODIDE_DIR, None, "sourceless"))
    assert set(sourceless) == {"pkg/__init__.pyc", "pkg/mod.pyc", "pkg/data.txt"}
    cached = entries(compile_zip(source_zip(), VENDOR_PYODIDE_DIR, None, "cached"))
    pycs = {name for name in cached if name.endswith(".pyc")}
    assert {name for name in cached if not name.endswith(".pyc")} == set(SOURCES)
    assert len(pycs) == 2 and all(name.startswith("pkg/__pycache__/") for name in pycs)
    tag = next(iter(pycs)).split(".")[-2]  # cpython-3XY: Pyodide's Python, not this one
    assert tag.startswith("cpython-3") and tag != importlib.util.cache_from_source("x.py").split(".")[-2]
    for pyc in [sourceless["pkg/mod.pyc"], *(cached[name] for name in pycs)]:
        assert int.from_bytes(pyc[4:8], "little") == 0b01, "not unchecked hash-based (PEP 552 flags)"
        assert pyc[:4] != importlib.util.MAGIC_NUMBER
