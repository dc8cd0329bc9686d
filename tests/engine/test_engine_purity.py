"""The engine imports only the standard library and does no I/O, so it runs unchanged in Pyodide."""

import ast
import sys
from pathlib import Path

import hipdrop

ENGINE = Path(hipdrop.__file__).parent
IO_CALLS = {"open", "input", "print", "exec", "eval", "__import__"}
IO_MODULES = {"os", "io", "pathlib", "socket", "subprocess", "shutil", "urllib", "http", "tempfile", "sqlite3"}


def engine_modules():
    return sorted(ENGINE.rglob("*.py"))


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
                if top != "hipdrop" and (top not in stdlib or top in IO_MODULES):
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
