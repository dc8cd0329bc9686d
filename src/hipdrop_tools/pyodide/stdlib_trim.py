"""Pyodide's standard library (``python_stdlib.zip``) cut down to what the course's Python uses.

The full zip holds 559 modules (2.5 MB); a boot of Pyodide and the engine imports about 150. The
trimmed zip keeps:

- the modules Pyodide's own start-up and ``unpackArchive`` import (``RUNTIME_MODULES``: recorded
  by running Pyodide and listing ``sys.modules``, see ``tests/course/browser/test_engine_in_pyodide.py``),
- every standard-library module the engine (``src/hipdrop``) imports,
- and, as the safety margin, every module any kept module imports when it is imported (its
  top-level statements, inside ``try`` and ``if`` blocks too), found by reading the zip's own
  sources, so the list follows the Pyodide version pinned in package-lock.json, plus a few
  modules reached without an import statement (``MARGIN_MODULES``: codecs, error reports).

Entries are stored, not deflated: the server sends the zip Brotli- or gzip-compressed as a whole
(``hipdrop_tools.offline.precompress``), which is smaller than 300 deflated entries, and Python reads the
modules with no inflating. No MkDocs import here: ``site_files.pyodide_files`` calls ``trim``.
"""

import ast
import hashlib
import io
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

# Recorded in Pyodide 0.29 / Python 3.14 (npm pyodide 314.0.7): sys.modules after loadPyodide(),
# unpackArchive(wheel) and importing hipdrop.browser, less the engine's own modules.
RUNTIME_MODULES = frozenset(
    """
__future__ _collections_abc _colorize _opcode_metadata _py_warnings _pyodide _pyodide._base
_pyodide._core_docs _pyodide._future_helper _pyodide._importhook _pyodide.docs_argspec
_pyodide.docstring _pyodide.jsbind _sitebuiltins _weakrefset abc annotationlib ast asyncio
base64 bisect bz2 codecs codeop collections collections.abc compression compression._common
compression._common._streams compression.zstd compression.zstd._zstdfile concurrent
concurrent.futures concurrent.futures._base contextlib contextvars copy copyreg dataclasses dis
encodings encodings.aliases encodings.utf_8 enum fnmatch functools genericpath glob heapq
importlib importlib._abc importlib._bootstrap importlib._bootstrap_external importlib.abc
importlib.machinery importlib.util inspect io json json.decoder json.encoder json.scanner keyword
linecache locale logging lzma ntpath opcode operator os pathlib pathlib._os posixpath pyodide
pyodide._package_loader pyodide._state pyodide.code pyodide.common pyodide.ffi pyodide.webloop
random re re._casefix re._compiler re._constants re._parser reprlib selectors shutil signal site
socket ssl stat string struct subprocess tempfile textwrap threading token tokenize traceback
types typing warnings weakref zipfile zipfile._path zipfile._path.glob zipimport
""".split()
)
# The safety margin beyond what an import statement shows: codecs are looked up by name at run
# time (the common ones kept), and modules that error reports and ``str.encode`` may reach.
MARGIN_MODULES = frozenset(
    """
encodings.ascii encodings.latin_1 encodings.utf_8_sig encodings.utf_16 encodings.utf_32
encodings.cp437 encodings.cp1252 encodings.unicode_escape encodings.raw_unicode_escape traceback linecache
tokenize textwrap string
""".split()
)
# Files outside any module that Python or Pyodide read at start-up.
KEPT_FILES = ("_sysconfigdata__emscripten_wasm32-emscripten.py",)


class TrimError(Exception):
    pass


def module_files(names: list[str]) -> dict[str, str]:
    """Module name -> its file in the zip, for every ``.py`` file in it."""
    modules = {}
    for name in names:
        if not name.endswith(".py"):
            continue
        parts = name[:-3].split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts and all(part.isidentifier() for part in parts):
            modules[".".join(parts)] = name
    return modules


def _module_level(tree: ast.Module):
    """The statements that run on import: the module's own, and those inside its top-level
    ``if``, ``try`` and ``with`` blocks (not function or class bodies, which run later, if ever)."""
    queue = list(tree.body)
    while queue:
        node = queue.pop()
        yield node
        if isinstance(node, (ast.If, ast.Try, ast.With)) or type(node).__name__ == "TryStar":
            for field in ("body", "orelse", "finalbody"):
                queue.extend(getattr(node, field, []))
            for handler in getattr(node, "handlers", []):
                queue.extend(handler.body)


def imports_in(source: str, module: str, is_package: bool, nested: bool = False) -> set[str]:
    """Every module name an import statement anywhere in ``source`` may load: ``import a.b``
    gives a and a.b; ``from a import b`` gives a and a.b (b may be a submodule); relative
    imports are resolved against ``module``. ``nested``: inside functions and classes too."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a test file written to fail on purpose; it is dropped anyway
        return found
    for node in ast.walk(tree) if nested else _module_level(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".") if package else []
                base_parts = base_parts[: len(base_parts) - (node.level - 1)] if node.level > 1 else base_parts
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base:
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    with_parents: set[str] = set()
    for name in found:
        parts = name.split(".")
        with_parents.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return with_parents


def needed_modules(archive: zipfile.ZipFile, roots: set[str], nested: bool = False) -> set[str]:
    """``roots`` and everything they may import, as far as the zip holds it."""
    files = module_files(archive.namelist())
    kept, queue = set(), sorted(roots)
    while queue:
        module = queue.pop()
        if module in kept or module not in files:
            continue
        kept.add(module)
        filename = files[module]
        source = archive.read(filename).decode("utf-8", errors="replace")
        queue.extend(imports_in(source, module, filename.endswith("__init__.py"), nested) - kept)
    return kept


def source_imports(folder: Path, nested: bool = False) -> set[str]:
    """The modules the ``.py`` files of ``folder`` import (the engine's, or its tests')."""
    found = set()
    for path in sorted(Path(folder).rglob("*.py")):
        rel = path.relative_to(Path(folder).parent).with_suffix("")
        parts = list(rel.parts)
        is_package = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_package else parts)
        found |= imports_in(path.read_text(encoding="utf-8"), module, is_package, nested)
    return found


def engine_roots(engine_dirs: Iterable[Path]) -> set[str]:
    """What the course's Python needs: Pyodide's start-up, the margin, the engine packages' imports."""
    roots = set(RUNTIME_MODULES | MARGIN_MODULES)
    for folder in engine_dirs:
        roots |= source_imports(folder)
    return roots


def kept_files(stdlib_zip: bytes, roots: set[str], nested: bool = False) -> set[str]:
    """The zip's file names for ``roots`` and what they import, with their folders."""
    with zipfile.ZipFile(io.BytesIO(stdlib_zip)) as archive:
        files = module_files(archive.namelist())
        missing = sorted(m for m in RUNTIME_MODULES if m not in files)
        if len(missing) > len(RUNTIME_MODULES) // 2:
            raise TrimError(
                f"python_stdlib.zip: most of the modules Pyodide needs to start are not in it "
                f"({', '.join(missing[:5])}...): is this Pyodide's standard library?"
            )
        keep = {files[m] for m in needed_modules(archive, roots, nested)}
        keep |= {name for name in KEPT_FILES if name in archive.namelist()}
    return keep | {name[: i + 1] for name in keep for i, c in enumerate(name) if c == "/"}


def subset(stdlib_zip: bytes, names: set[str]) -> bytes:
    """A zip of the entries ``names`` of ``stdlib_zip``, stored (not deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(stdlib_zip)) as archive, zipfile.ZipFile(out, "w") as trimmed:
        for info in archive.infolist():
            if info.filename in names:
                entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                entry.external_attr = info.external_attr
                trimmed.writestr(entry, archive.read(info), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def trim(stdlib_zip: bytes, engine_dirs: Iterable[Path], cache_dir: Path | None = None) -> bytes:
    """The trimmed ``python_stdlib.zip`` the site ships. Reading 300 modules' sources takes a few
    seconds: with ``cache_dir`` the result is kept there, keyed by the zip and the engine's imports."""
    roots = engine_roots(engine_dirs)
    key = hashlib.sha256(stdlib_zip + "\n".join(sorted(roots)).encode()).hexdigest()
    entry = cache_dir / f"{key}.stdlib.zip" if cache_dir is not None else None
    if entry is not None and entry.is_file():
        return entry.read_bytes()
    trimmed = subset(stdlib_zip, kept_files(stdlib_zip, roots))
    if entry is not None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f"{entry.name}.{os.getpid()}.part")
        partial.write_bytes(trimmed)
        partial.replace(entry)
    return trimmed
