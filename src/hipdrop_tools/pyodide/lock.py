"""The engine's ``pyodide-lock.json``: the lock the worker hands to ``loadPyodide({lockFileContents,
packages})``, so that Pyodide itself downloads the engine wheel while it boots and refuses it when
its sha256 does not match.

The lock holds the runtime's ``info`` (the ABI Pyodide checks, taken from the npm package's lock)
and one entry per engine wheel: name, version, ``file_name`` (relative to the lock: the wheel sits
in the same folder), sha256, ``imports``, ``depends``, ``install_dir``. Nothing else of Pyodide's
package list: the course loads no Pyodide package.

pyodide-build writes it (``pyodide lockfile add-wheels``, pyodide-lock's ``add_wheels_to_spec``)
where its ``pyodide`` command can run: pyodide-build needs Python 3.12 or newer, and ``make setup``
installs it (``requirements-pyodide-build.lock``) in ``.venv-pyodide`` when this machine has one.
Elsewhere (a Python 3.11 machine, or an installed ``hipdrop`` without that folder) ``add_wheels``
below writes the same bytes with the standard library: the same fields, defaults and JSON layout
(``json.dumps(..., sort_keys=True)``), for the case the course has (pure wheels without
dependencies); a test compares both byte for byte when both can run. No MkDocs import here.
"""

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections import deque
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

LOCK_FILE = "pyodide-lock.json"
PYODIDE_BUILD = "pyodide-build==0.39.2"  # as pinned in requirements-pyodide-build.lock
# Where `make setup` installs pyodide-build, under the course's folder.
PYODIDE_VENV = ".venv-pyodide"
TIMEOUT_S = 120
# pyodide-lock's InfoSpec and PackageSpec: their fields and defaults, as they are written out
# (``version`` of InfoSpec and ``shared_library`` of PackageSpec are deprecated and never written).
INFO_FIELDS = ("platform", "python", "arch", "abi_version")
INFO_READ_ONLY = ("version",)
PACKAGE_DEFAULTS: dict[str, object] = {
    "sha256": "",
    "package_type": "package",
    "imports": [],
    "depends": [],
    "unvendored_tests": False,
    "tool": {},
}
PACKAGE_REQUIRED = ("name", "version", "file_name", "install_dir")
PACKAGE_READ_ONLY = ("shared_library",)


class LockError(Exception):
    """A lock or a wheel this module cannot turn into a lock entry; the message names the file."""


@dataclass(frozen=True)
class EngineLock:
    content: bytes
    writer: str  # "pyodide-build" or "hipdrop" (the standard-library equivalent)


def runtime_lock(npm_lock: bytes) -> bytes:
    """The lock to add the engine to: the runtime's ``info`` and no package (JSON bytes)."""
    try:
        info = json.loads(npm_lock)["info"]
    except (ValueError, KeyError, TypeError):
        raise LockError(f"{LOCK_FILE}: not Pyodide's lock file (no 'info')") from None
    return json.dumps({"info": info, "packages": {}}).encode()


def canonical_name(name: str) -> str:
    """PEP 503's normalised name (packaging.utils.canonicalize_name)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _valid_package_name(name: str) -> bool:
    return not any(char in name for char in ".- ")


def _has_python_file(folder: zipfile.Path) -> bool:
    queue = deque([folder])
    while queue:
        for entry in queue.pop().iterdir():
            if entry.is_file() and entry.name.endswith(".py"):
                return True
            if entry.is_dir() and _valid_package_name(entry.name):
                queue.append(entry)
    return False


def top_level_imports(wheel: Path) -> list[str]:
    """The wheel's importable top-level names, found as pyodide-lock finds them: a ``.py`` file at
    the top, or a folder with a valid name holding Python files."""
    names = []
    for entry in zipfile.Path(wheel).iterdir():
        if entry.is_file() and entry.name.endswith(".py"):
            names.append(entry.name[:-3])
        elif entry.is_dir() and _valid_package_name(entry.name) and _has_python_file(entry):
            names.append(entry.name)
    return names


def _metadata(wheel: Path) -> dict[str, list[str]]:
    with zipfile.ZipFile(wheel) as archive:
        found = [n for n in archive.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA")]
        if not found:
            raise LockError(f"{wheel.name}: no .dist-info/METADATA")
        headers = HeaderParser().parsestr(archive.read(found[0]).decode("utf-8"))
    return {key: headers.get_all(key) or [] for key in ("Name", "Version", "Requires-Dist")}


def _check_pure(wheel: Path, info: dict) -> None:
    """pyodide-lock refuses a wheel whose tags do not fit the runtime; a pure ``py3`` wheel fits."""
    parts = wheel.name.removesuffix(".whl").split("-")
    tags = {
        (py, abi, plat) for py in parts[-3].split(".") for abi in parts[-2].split(".") for plat in parts[-1].split(".")
    }
    minor = int(str(info["python"]).split(".")[1])
    pure = [py for py, abi, plat in tags if abi == "none" and plat == "any" and re.fullmatch(r"py3(\d*)", py)]
    if not any(py == "py3" or int(py[3:]) <= minor for py in pure):
        raise LockError(
            f"{wheel.name}: not a pure Python 3 wheel (py3-none-any), which is all this lock writer handles"
        )


def _package_entry(package: dict, where: str) -> dict:
    missing = [name for name in PACKAGE_REQUIRED if name not in package]
    unknown = sorted(set(package) - set(PACKAGE_REQUIRED) - set(PACKAGE_DEFAULTS) - set(PACKAGE_READ_ONLY))
    if missing or unknown:
        raise LockError(f"{where}: missing {missing} or unknown fields {unknown}")
    entry = {name: package[name] for name in PACKAGE_REQUIRED}
    entry.update({name: package.get(name, default) for name, default in PACKAGE_DEFAULTS.items()})
    return entry


def add_wheels(lock: bytes, wheels: list[Path], wheel_url: str = "") -> bytes:
    """``lock`` with an entry for each of ``wheels`` (in one folder; ``file_name`` is
    ``wheel_url`` + the wheel's name), written as ``pyodide lockfile add-wheels --wheel-url``
    writes it. Wheels with dependencies are refused: the engine runs on the standard library."""
    data = json.loads(lock)
    info_in = data.get("info", {})
    unknown = sorted(set(info_in) - set(INFO_FIELDS) - set(INFO_READ_ONLY))
    if unknown or not {"platform", "python"} <= set(info_in):
        raise LockError(f"{LOCK_FILE}: info has unknown fields {unknown} or lacks platform/python")
    info = {"arch": "wasm32", "abi_version": None, **{k: v for k, v in info_in.items() if k in INFO_FIELDS}}
    packages = {
        name: _package_entry(p, f"{LOCK_FILE}: packages.{name}") for name, p in data.get("packages", {}).items()
    }
    for wheel in wheels:
        _check_pure(wheel, info)
        metadata = _metadata(wheel)
        if metadata["Requires-Dist"]:
            raise LockError(
                f"{wheel.name}: Requires-Dist {metadata['Requires-Dist']}: an engine wheel has no dependencies"
            )
        if not metadata["Name"] or not metadata["Version"]:
            raise LockError(f"{wheel.name}: METADATA lacks Name or Version")
        name = canonical_name(metadata["Name"][0])
        packages[name] = {
            "name": name,
            "version": metadata["Version"][0],
            "file_name": wheel_url + wheel.name,
            "install_dir": "site",
            **PACKAGE_DEFAULTS,
            "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
            "imports": top_level_imports(wheel),
        }
    return json.dumps({"info": info, "packages": packages, "tool": data.get("tool", {})}, sort_keys=True).encode()


def pyodide_command(course_root: Path | None) -> Path | None:
    """pyodide-build's ``pyodide`` command: the course's ``.venv-pyodide`` (``make setup``), else
    one on the PATH; None where there is neither."""
    if course_root is not None:
        local = course_root / PYODIDE_VENV / "bin" / "pyodide"
        if local.is_file() and os.access(local, os.X_OK):
            return local
    found = shutil.which("pyodide")
    return Path(found) if found else None


def add_wheels_with_pyodide_build(command: Path, lock: bytes, wheels: list[Path], wheel_url: str = "") -> bytes:
    """``pyodide lockfile add-wheels`` itself; raises LockError with its last line of output."""
    with tempfile.TemporaryDirectory(prefix="hipdrop-lock-") as tmp:
        source, target = Path(tmp) / "in.json", Path(tmp) / "out.json"
        source.write_bytes(lock)
        args = [str(command), "lockfile", "add-wheels", "--input", str(source), "--output", str(target)]
        args += ["--wheel-url", wheel_url] if wheel_url else []
        try:
            result = subprocess.run(
                [*args, *map(str, wheels)], capture_output=True, text=True, timeout=TIMEOUT_S, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise LockError(f"{command} lockfile add-wheels: {error}") from None
        if result.returncode != 0 or not target.is_file():
            last = (result.stderr.strip().splitlines() or result.stdout.strip().splitlines() or ["no output"])[-1]
            raise LockError(f"{command} lockfile add-wheels: {last[:300]}")
        return target.read_bytes()


def engine_lock(
    npm_lock: bytes, wheel_name: str, wheel: bytes, course_root: Path | None = None, cache_dir: Path | None = None
) -> EngineLock:
    """The site's lock for the engine wheel ``wheel_name`` (its bytes ``wheel``), by pyodide-build
    where it runs, else by ``add_wheels``; the build log says which, and what is missing. With
    ``cache_dir``, pyodide-build's answer is kept there (its start takes a second or two)."""
    log = logging.getLogger("mkdocs.plugins.hipdrop")
    base = runtime_lock(npm_lock)
    command = pyodide_command(course_root)
    key = hashlib.sha256(base + wheel_name.encode() + wheel + str(command).encode()).hexdigest()
    entry = cache_dir / f"{key}.lock.json" if cache_dir is not None and command is not None else None
    if entry is not None and entry.is_file():
        return EngineLock(entry.read_bytes(), "pyodide-build")
    with tempfile.TemporaryDirectory(prefix="hipdrop-lock-") as tmp:
        path = Path(tmp) / wheel_name
        path.write_bytes(wheel)
        if command is not None:
            try:
                content = add_wheels_with_pyodide_build(command, base, [path])
            except LockError as error:
                log.info("hipdrop: pyodide-build could not write the engine's lock (%s); hipdrop wrote it", error)
            else:
                if entry is not None:
                    entry.parent.mkdir(parents=True, exist_ok=True)
                    partial = entry.with_name(f"{entry.name}.{os.getpid()}.part")
                    partial.write_bytes(content)
                    partial.replace(entry)
                return EngineLock(content, "pyodide-build")
        else:
            log.info(
                "hipdrop: the engine's %s was written by hipdrop's own equivalent of `pyodide lockfile "
                "add-wheels`: pyodide-build's `pyodide` command is missing (%s needs Python 3.12 or newer; "
                "`make setup` installs it in %s/ when this machine has one)",
                LOCK_FILE,
                PYODIDE_BUILD,
                PYODIDE_VENV,
            )
        return EngineLock(add_wheels(base, [path]), "hipdrop")
