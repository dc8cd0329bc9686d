"""The package declares what it imports. Every top-level import in src/ (and every Markdown extension
it names) is the standard library, the package itself, or a distribution pyproject.toml declares:
in ``dependencies``, or in the ``handouts`` extra for the code that prints (src/hipdrop_tools/handouts/,
which the `hipdrop handouts` command checks for before it imports it). What only the tests use
(textstat) is in the ``test`` extra alone. The declared ranges hold the versions requirements.lock
pins, which `make setup` installs."""

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from support import ROOT

SRC = ROOT / "src"
OWN = {"hipdrop", "hipdrop_tools"}
EXTRA_CODE = {"handouts": "hipdrop_tools/handouts/"}  # where each extra's modules may be imported
# Declared but never imported, and why.
NOT_IMPORTED = {"mkdocs-material": "the theme: MkDocs loads its templates, the generator's overrides extend them"}
_EXTENSION_NAME = re.compile(r"^(pymdownx)\.\w+$")  # Markdown extensions named as strings


def project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def requirements(entries: list[str]) -> dict[str, Requirement]:
    return {canonicalize_name(r.name): r for r in map(Requirement, entries)}


def imports() -> dict[str, set[str]]:
    """Top-level module -> the src/ files (relative) that import or name it."""
    found: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("hipdrop_tools/vendor/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), rel)):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _EXTENSION_NAME.match(node.value):
                names = [node.value]
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(rel)
    return found


@cache
def installed() -> dict[str, list[str]]:
    return packages_distributions()


def distribution_of(module: str) -> str:
    names = installed().get(module)
    assert names, f"{module}: imported in src/ but installed by no distribution here"
    return canonicalize_name(names[0])


def test_every_import_is_the_standard_library_the_package_or_declared():
    declared = requirements(project()["dependencies"])
    extras = {extra: requirements(entries) for extra, entries in project()["optional-dependencies"].items()}
    problems = []
    for module, files in sorted(imports().items()):
        if module in sys.stdlib_module_names or module in OWN:
            continue
        dist = distribution_of(module)
        if dist in declared:
            continue
        extra = next((name for name, reqs in extras.items() if name != "test" and dist in reqs), None)
        if extra is None:
            problems.append(f"{module} ({dist}): imported by {sorted(files)} but not declared")
        elif outside := sorted(f for f in files if not f.startswith(EXTRA_CODE[extra])):
            problems.append(f"{module} ({dist}, the {extra} extra): imported outside {EXTRA_CODE[extra]}: {outside}")
    assert problems == []


def test_every_declared_dependency_is_used():
    used = {distribution_of(m) for m in imports() if m not in sys.stdlib_module_names and m not in OWN}
    unused = set(requirements(project()["dependencies"])) - used - set(NOT_IMPORTED)
    assert unused == set()


def test_what_only_the_tests_use_is_in_the_test_extra():
    assert "textstat" not in requirements(project()["dependencies"])
    assert "textstat" in requirements(project()["optional-dependencies"]["test"])
    assert "playwright" not in requirements(project()["dependencies"]), "a reader's build needs no browser driver"
    assert {"playwright", "pypdf"} <= set(requirements(project()["optional-dependencies"]["handouts"]))


def test_the_declared_ranges_hold_the_pinned_versions():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version.strip()
    entries = project()["dependencies"] + [e for extra in project()["optional-dependencies"].values() for e in extra]
    wrong = [f"{r} (pinned {pins.get(name)})" for name, r in requirements(entries).items()
             if pins.get(name) is None or pins[name] not in r.specifier]
    assert wrong == []
