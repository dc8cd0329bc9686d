"""The engine's pyodide-lock.json: the site's lock lists the engine wheel beside it with the wheel's
own sha256, so the browser refuses any other bytes; pyodide-build writes it where it can run, and
hipdrop's standard-library equivalent writes the very same bytes where it cannot (Python 3.11)."""

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from hipdrop_tools.pyodide import lock
from hipdrop_tools.pyodide.wheel import ENGINE_DISTRIBUTION, build_wheel
from support import ROOT

NPM_LOCK = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"


def test_the_sites_lock_lists_the_engine_wheel_with_its_sha256(built_site):
    (lock_file,) = built_site.glob("assets/hipdrop/engine/*/pyodide-lock.json")
    data = json.loads(lock_file.read_text())
    assert data["info"] == {k: v for k, v in json.loads(NPM_LOCK.read_text())["info"].items() if k != "version"}
    (name, entry), = data["packages"].items()
    wheel = lock_file.parent / entry["file_name"]
    assert name == entry["name"] == "hipdrop-course-engine"
    assert wheel.name == f"{ENGINE_DISTRIBUTION}-{entry['version']}-py3-none-any.whl"
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["hipdrop", "hipdrop_course"] and entry["depends"] == []
    assert entry["install_dir"] == "site" and entry["package_type"] == "package"
    # The folder is named by the lock's own hash: a new engine is a new address, never a stale copy.
    assert lock_file.parent.name == hashlib.sha256(lock_file.read_bytes()).hexdigest()[:12]


def test_the_engine_wheel_is_not_named_like_the_generators_wheel(built_site):
    wheels = [p.name for p in built_site.rglob("*.whl")]
    assert len(wheels) == 1 and wheels[0].startswith("hipdrop_course_engine-"), wheels
    assert not [w for w in wheels if w.startswith("hipdrop-")]


def test_the_wheel_is_the_same_bytes_from_the_same_sources():
    first = build_wheel(["hipdrop"], {"engine.ping": "hipdrop.browser:ping"}, ENGINE_DISTRIBUTION, "1.0")
    again = build_wheel(["hipdrop"], {"engine.ping": "hipdrop.browser:ping"}, ENGINE_DISTRIBUTION, "1.0")
    assert first.content == again.content
    with zipfile.ZipFile(io.BytesIO(first.content)) as archive:
        record = archive.read(f"{ENGINE_DISTRIBUTION}-1.0.dist-info/RECORD").decode()
        assert {info.date_time for info in archive.infolist()} == {(2020, 1, 1, 0, 0, 0)}
        listed = {line.split(",")[0] for line in record.splitlines()}
        assert listed == set(archive.namelist())


@pytest.fixture(scope="module")
def engine_wheel(tmp_path_factory) -> Path:
    wheel = build_wheel(["hipdrop"], {"engine.ping": "hipdrop.browser:ping"}, ENGINE_DISTRIBUTION, "1.0")
    path = tmp_path_factory.mktemp("wheel") / wheel.filename
    path.write_bytes(wheel.content)
    return path


def test_pyodide_build_and_the_standard_library_equivalent_write_the_same_bytes(engine_wheel):
    command = lock.pyodide_command(ROOT)
    if command is None:
        pytest.skip("pyodide-build is not installed here (it needs Python 3.12+; `make setup` installs it when one is found)")
    base = lock.runtime_lock(NPM_LOCK.read_bytes())
    assert lock.add_wheels(base, [engine_wheel]) == lock.add_wheels_with_pyodide_build(command, base, [engine_wheel])
    # The whole npm lock too: every one of its packages is written back as pyodide-lock writes it.
    full = NPM_LOCK.read_bytes()
    assert lock.add_wheels(full, [engine_wheel], "../wheels/") == lock.add_wheels_with_pyodide_build(
        command, full, [engine_wheel], "../wheels/")


def test_without_pyodide_build_the_build_writes_the_lock_itself_and_says_so(engine_wheel, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("PATH", str(tmp_path))  # no `pyodide` command, and no .venv-pyodide in tmp_path
    caplog.set_level("INFO")
    written = lock.engine_lock(NPM_LOCK.read_bytes(), engine_wheel.name, engine_wheel.read_bytes(), tmp_path)
    assert written.writer == "hipdrop"
    assert written.content == lock.add_wheels(lock.runtime_lock(NPM_LOCK.read_bytes()), [engine_wheel])
    assert "pyodide-build's `pyodide` command is missing" in caplog.text and "Python 3.12" in caplog.text


def test_a_wheel_with_dependencies_is_refused_with_its_name(tmp_path):
    path = tmp_path / "other_engine-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("other/__init__.py", "")
        archive.writestr("other_engine-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: other-engine\n"
                         "Version: 1.0\nRequires-Dist: numpy\n")
    with pytest.raises(lock.LockError, match=r"other_engine-1\.0-py3-none-any\.whl: Requires-Dist \['numpy'\]"):
        lock.add_wheels(lock.runtime_lock(NPM_LOCK.read_bytes()), [path])
