"""Pyodide's standard library (``python_stdlib.zip``) cut down to what the course's Python uses.

The full zip holds 559 modules (2.5 MB); a boot of Pyodide and the engine imports about 150. The
trimmed zip keeps:

- the modules a boot imports, recorded at build time: ``runtime_build`` boots the pinned Pyodide
  under Node the way the browser does (the engine loaded from its lock, the worker's entry module
  imported) and lists ``sys.modules``, so the list follows the Pyodide version in package-lock.json,
- every standard-library module the engine imports (in its function bodies too),
- and, as the safety margin, every module those import when they are imported (their top-level
  statements, inside ``try`` and ``if`` blocks too), found by reading the zip's own sources, plus
  a few modules reached without an import statement (``MARGIN_MODULES``: codecs, error reports).
  The recorded modules are not followed so: they have run their imports already.

Entries are stored, not deflated: the server sends the zip Brotli- or gzip-compressed as a whole
(``hipdrop_tools.offline.precompress``), which is smaller than 300 deflated entries, and Python reads the
modules with no inflating. Standard library only: ``in_pyodide`` runs it inside Pyodide.
"""

import ast
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

# The safety margin beyond what an import statement shows: codecs are looked up by name at run
# time (the common ones kept), and modules that error reports and ``str.encode`` may reach.
MARGIN_MODULES = frozenset(
    """
encodings.ascii encodings.latin_1 encodings.utf_8_sig encodings.utf_16 encodings.utf_32
encodings.cp437 encodings.cp1252 encodings.unicode_escape encodings.raw_unicode_escape traceback linecache
tokenize textwrap string
""".split()
)
# Modules every Pyodide standard library holds: a zip without them is not one.
PYODIDE_MARKS = ("encodings", "_pyodide", "pyodide")
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


def needed_modules(
    archive: zipfile.ZipFile, roots: set[str], nested: bool = False, known: frozenset[str] | set[str] = frozenset()
) -> set[str]:
    """``roots`` and everything they may import, as far as the zip holds it, not following the
    modules in ``known`` (already kept)."""
    files = module_files(archive.namelist())
    kept: set[str] = set()
    queue = sorted(roots)
    while queue:
        module = queue.pop()
        if module in kept or module in known or module not in files:
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


def kept_files(stdlib_zip: bytes, roots: set[str], nested: bool = False, started: Iterable[str] = ()) -> set[str]:
    """The zip's file names for ``roots`` and what they import, with their folders. ``started``:
    modules a recorded boot imported, kept as they are: their module-level imports ran then, so
    what they would import on another platform (Windows event loops, ...) is not followed."""
    with zipfile.ZipFile(io.BytesIO(stdlib_zip)) as archive:
        files = module_files(archive.namelist())
        missing = sorted(m for m in PYODIDE_MARKS if m not in files)
        if missing:
            raise TrimError(f"python_stdlib.zip: {', '.join(missing)} not in it: is this Pyodide's standard library?")
        ran = {module for module in started if module in files}
        keep = {files[m] for m in ran | needed_modules(archive, roots - ran, nested, ran)}
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
