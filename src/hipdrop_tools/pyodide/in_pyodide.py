"""The Python half of the build's one Node run (``runtime_build.mjs``): it runs inside the pinned
Pyodide, right after that run booted Pyodide the way the browser does (the engine wheel loaded
from its lock, the worker's entry module imported, ``engine.ping`` answered) and recorded
``sys.modules``. From that record it

1. trims Pyodide's standard library to the modules that boot imported, what the engine imports
   (``stdlib_trim``: import statements read from the sources, and what they import in turn) and
   a small margin; and
2. compiles the trimmed library (``<module>.pyc`` in place of ``<module>.py``) and the engine
   (``__pycache__/<module>.cpython-3XY.pyc`` beside each source) to bytecode with the public
   ``py_compile`` API, unchecked-hash based, so Python takes them without reading a source.

Compiling needs Pyodide's own Python (3.14): pyodide-build's ``pyodide py-compile`` does the same
job with the host's Python, which must then be the same minor version, and there is none here.
Standard library only; this module is also importable on the host, where nothing runs on import.
"""

import importlib.util
import io
import json
import py_compile
import sys
import zipfile
from pathlib import Path

from . import stdlib_trim  # beside this file, here and in the package runtime_build.mjs writes in Pyodide

WORK = Path("/tmp/hipdrop-compile")
# Read by Python at start-up as a source file: never compiled in place of its source.
KEEP_AS_SOURCE = ("_sysconfigdata",)


def _compile(source: Path, target: Path, shown_as: str) -> bytes | None:
    """The bytecode of ``source`` (None: it does not compile, so its source is shipped)."""
    try:
        py_compile.compile(
            str(source),
            cfile=str(target),
            dfile=shown_as,
            doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
    except py_compile.PyCompileError as error:
        print(f"hipdrop: kept as source: {error.msg.strip().splitlines()[-1]}", file=sys.stderr)
        return None
    return target.read_bytes()


def compile_stdlib(trimmed: bytes, zip_path: str) -> bytes:
    """The trimmed zip with each module's bytecode in place of its source (stored entries)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(trimmed)) as source, zipfile.ZipFile(out, "w") as compiled:
        for info in source.infolist():
            data = source.read(info)
            name = info.filename
            if name.endswith(".py") and not name.startswith(KEEP_AS_SOURCE):
                path = WORK / "stdlib" / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                pyc = _compile(path, path.with_suffix(".pyc"), f"{zip_path}/{name}")
                if pyc is not None:
                    entry = zipfile.ZipInfo(name + "c", date_time=info.date_time)
                    entry.external_attr = info.external_attr
                    compiled.writestr(entry, pyc)
                    continue
            entry = zipfile.ZipInfo(name, date_time=info.date_time)
            entry.external_attr = info.external_attr
            compiled.writestr(entry, data)
    return out.getvalue()


def compile_engine(site_packages: Path, sources: list[str]) -> bytes:
    """A zip of the engine's ``__pycache__`` files (names relative to site-packages), compiled
    from the installed sources (so tracebacks show where Pyodide installs them)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(sources):
            path = site_packages / name
            cached = Path(importlib.util.cache_from_source(str(path)))
            pyc = _compile(path, cached, str(path))
            if pyc is not None:
                archive.writestr(
                    zipfile.ZipInfo(cached.relative_to(site_packages).as_posix(), (2020, 1, 1, 0, 0, 0)), pyc
                )
    return out.getvalue()


def engine_imports(site_packages: Path, sources: list[str]) -> set[str]:
    """The modules the engine's files import, in function bodies too (a method imports lazily
    what only it needs)."""
    found: set[str] = set()
    for name in sources:
        parts = name[:-3].split("/")
        is_package = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_package else parts)
        text = (site_packages / name).read_text(encoding="utf-8")
        found |= stdlib_trim.imports_in(text, module, is_package, nested=True)
    return found


def main(request_json: str, started_modules: list[str]) -> str:
    """``request``: {"stdlib_zip": path of the full library in Pyodide's file system,
    "site_packages": where the engine was installed, "engine_sources": its .py files there,
    "margin": modules kept without an import statement, "out": folder for the results}."""
    request = json.loads(request_json)
    full = Path(request["stdlib_zip"]).read_bytes()
    site_packages = Path(request["site_packages"])
    sources = request["engine_sources"]
    with zipfile.ZipFile(io.BytesIO(full)) as archive:
        in_zip = stdlib_trim.module_files(archive.namelist())
    startup = sorted(name for name in started_modules if name in in_zip)
    roots = set(request["margin"]) | engine_imports(site_packages, sources)
    kept = stdlib_trim.kept_files(full, roots, started=startup)
    trimmed = stdlib_trim.subset(full, kept)
    out = Path(request["out"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "python_stdlib.zip").write_bytes(compile_stdlib(trimmed, request["stdlib_zip"]))
    (out / "engine_bytecode.zip").write_bytes(compile_engine(site_packages, sources))
    (out / "startup_modules.json").write_text(json.dumps(startup))
    return json.dumps({"startup": len(startup), "kept": len(kept)})
