"""The engine imports only the standard library and does no I/O, so it runs unchanged in Pyodide."""

import ast
import sys
from pathlib import Path

import hipdrop
import hipdrop_course.engine

ENGINE = Path(hipdrop.__file__).parent
PACK_ENGINE = Path(hipdrop_course.engine.__file__).parent  # the course's (macros/engine), shipped in the wheel too
IO_CALLS = {"open", "input", "print", "exec", "eval", "__import__"}
IO_MODULES = {"os", "io", "pathlib", "socket", "subprocess", "shutil", "urllib", "http", "tempfile", "sqlite3"}


def engine_modules():
    return sorted(ENGINE.rglob("*.py")) + sorted(PACK_ENGINE.rglob("*.py"))


def imported_names(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.append(node.module or "")
    return names


def test_the_core_engine_knows_no_course_pack():
    """The core's method table is built from what packs register, never imported by name."""
    offenders = [f"{path.name}: import {name}" for path in sorted(ENGINE.rglob("*.py"))
                 for name in imported_names(path) if name.split(".")[0] != "hipdrop" and name.startswith("hipdrop")]
    assert offenders == []


def absolute_imports(path: Path, package: str, folder: Path) -> list[str]:
    """Every module a file imports, relative imports resolved against its place in ``package``."""
    parts = [package, *path.relative_to(folder).with_suffix("").parts]
    here = parts[:-1]  # the package the module is in (an __init__ is in its own folder's package)
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(here[: len(here) - node.level + 1]) if node.level else ""
            module = ".".join(x for x in (base, node.module or "") if x)
            names += [module] if node.module else [f"{module}.{alias.name}" for alias in node.names]
    return names


def test_the_course_engine_imports_no_build_code():
    """The course's engine (macros/engine, hipdrop_course.engine in the wheel) imports nothing of
    the course's build-time modules (macros/*.py), which are not in the wheel."""
    offenders = [f"{path.name}: import {name}" for path in sorted(PACK_ENGINE.rglob("*.py"))
                 for name in absolute_imports(path, "hipdrop_course.engine", PACK_ENGINE)
                 if name.startswith("hipdrop_course") and not name.startswith("hipdrop_course.engine")]
    assert offenders == []


def test_engine_imports_only_the_standard_library_and_itself():
    stdlib = set(sys.stdlib_module_names)
    offenders = []
    for path in engine_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            for name in names:
                top = name.split(".")[0]
                if top not in ("hipdrop", "hipdrop_course") and (top not in stdlib or top in IO_MODULES):
                    offenders.append(f"{path.name}: import {name}")
    assert offenders == []


def test_engine_calls_no_io_builtins():
    offenders = [
        f"{path.name}:{node.lineno} {node.func.id}()"
        for path in engine_modules()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in IO_CALLS
    ]
    assert offenders == []
